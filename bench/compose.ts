// Composing an agency's annual report with the report sources present at bench time
// (`platformOf(FEATURES).reportSources`), beside a baseline in the same run: the raw SQL
// aggregate a table 三 needs (requests of the year counted by state) over the same rows.
// The data is modest and made here (a demo database with generated requests) unless the
// requests and publications benches' generators are present: the figure is the ratio.
import { sql } from 'kysely';
import { compose } from '../src/annual-reports/compose.js';
import { gatherContributions } from '../src/annual-reports/sources.js';
import { checkReport } from '../src/reports/checks/index.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/db/time.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { FEATURES, platformOf } from '../src/features.js';

const RUNS = 20;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const start = performance.now();
  for (let i = 0; i < RUNS; i++) await fn();
  return (performance.now() - start) / RUNS;
}

export async function composeBench(): Promise<void> {
  const db = openDatabase('sqlite::memory:');
  try {
    await migrateToLatest(db);
    const { agency } = await seedDemo({ db, clock: systemClock });
    const sources = platformOf(FEATURES).reportSources;
    const year = 2021;
    const requests = await db.kysely
      .selectFrom('requests')
      .select(sql<number>`count(*)`.as('n'))
      .where('agency_id', '=', agency.id)
      .executeTakeFirst();
    const baseline = await timed(() =>
      db.kysely
        .selectFrom('requests')
        .select(['state', sql<number>`count(*)`.as('n')])
        .where('agency_id', '=', agency.id)
        .groupBy('state')
        .execute(),
    );
    const composing = await timed(async () => {
      const contributions = await gatherContributions(sources, db.kysely, agency.id, year);
      return compose({ agencyName: agency.fullName, year, contributions });
    });
    const { report } = compose({ agencyName: agency.fullName, year, contributions: [] });
    const checking = await timed(async () => checkReport(report));
    console.log(
      `年度报告生成（${sources.length} 个数据来源，${Number(requests?.n ?? 0)} 件申请）：` +
        `每次 ${composing.toFixed(2)} 毫秒；基准 SQL 汇总 ${baseline.toFixed(2)} 毫秒，` +
        `为基准的 ${(composing / Math.max(baseline, 0.001)).toFixed(1)} 倍（目标 ≤2 倍）；` +
        `另检查全部规则每次 ${checking.toFixed(2)} 毫秒`,
    );
  } finally {
    await db.close();
  }
}
