// Composing an agency's annual report at full size (issue 10): one agency with 100,000
// requests and 1,000,000 published items (bench/datasets.ts: the requests bench's and the
// catalogue's generators), on SQLite and on PostgreSQL. Composing runs every report source
// present (`platformOf(FEATURES).reportSources`) and the composer; the baseline, in the
// same run over the same rows, is the raw SQL aggregates the three tables need: the year's
// requests counted by category and outcome (table 三), the 第二十条（一） documents counted by
// genre, validity and the years issued and
// changed (table 二) and the year's items counted by channel (section 二). Goal:
// composing within 2× of the baseline. Also table 二 alone (goal < 1 s) and the checks of
// the composed report. Prints only.
import { sql, type Kysely } from 'kysely';
import { compose } from '../src/annual-reports/compose.js';
import { gatherContributions } from '../src/annual-reports/sources.js';
import { openDatabase } from '../src/db/database.js';
import type { Database } from '../src/db/schema.js';
import { FEATURES, platformOf } from '../src/features.js';
import { computeTableTwo } from '../src/publications/table-two/report-source.js';
import { checkReport } from '../src/reports/checks/index.js';
import { benchPgUrl, withPgSchema } from './bench-db.js';
import {
  composeAgency,
  composePostgres,
  composeSize,
  composeSqlite,
  type ComposeSize,
} from './datasets.js';

const YEAR = 2024;
const RUNS = 5;
const GOAL_RATIO = 2;
const TABLE_TWO_GOAL_MS = 1000;

/** The median of RUNS timed calls after one warm-up, in milliseconds. */
async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** The raw aggregates over the same rows the sources read, one after the other. */
async function rawAggregates(db: Kysely<Database>, agencyId: string): Promise<void> {
  const start = `${YEAR}-01-01`;
  const end = `${YEAR}-12-31`;
  await sql`SELECT category, outcome, count(*) FROM requests
    WHERE agency_id = ${agencyId} AND received_on <= ${end}
      AND (closed_on IS NULL OR closed_on >= ${start})
    GROUP BY category, outcome`.execute(db);
  await sql`SELECT genre, validity, substr(coalesce(written_on, published_on), 1, 4),
      substr(validity_on, 1, 4), count(*) FROM publications
    WHERE agency_id = ${agencyId} AND category = 'a20-1' AND state IN ('published', 'withdrawn')
    GROUP BY genre, validity, substr(coalesce(written_on, published_on), 1, 4),
      substr(validity_on, 1, 4)`.execute(db);
  await sql`SELECT c.channel, count(*) FROM publication_channels c
    JOIN publications p ON p.id = c.publication_id
    WHERE p.agency_id = ${agencyId} AND p.state IN ('published', 'withdrawn')
      AND c.published_on >= ${start} AND c.published_on <= ${end}
    GROUP BY c.channel`.execute(db);
}

async function measure(label: string, db: Kysely<Database>, size: ComposeSize): Promise<void> {
  const agency = composeAgency();
  const sources = platformOf(FEATURES).reportSources;
  const composeOnce = async () => {
    const contributions = await gatherContributions(sources, db, agency.id, YEAR);
    return compose({ agencyName: agency.fullName, year: YEAR, contributions });
  };
  const baseline = await median(() => rawAggregates(db, agency.id));
  const composing = await median(composeOnce);
  const tableTwo = await median(() => computeTableTwo({ db, agencyId: agency.id, year: YEAR }));
  const { report } = await composeOnce();
  const checking = await median(async () => checkReport(report));
  const ratio = composing / baseline;
  const requests = report.tables.requests.received?.total;
  console.log(
    `\n年度报告生成（${label}）：一个机关 ${size.requests.toLocaleString('zh-CN')} 件申请、` +
      `${size.items.toLocaleString('zh-CN')} 条主动公开信息，${YEAR}年度，${sources.length} 个数据来源` +
      `（表三收到申请 ${requests ?? '—'} 件）`,
  );
  console.log(
    `基准   原始 SQL 汇总（表三分组计数 + 表二规范性文件分组计数 + 各渠道条数）：${baseline.toFixed(1)} 毫秒`,
  );
  console.log(
    `生成   全部数据来源 + 编排：${composing.toFixed(1)} 毫秒，为基准的 ${ratio.toFixed(2)} 倍；` +
      `${ratio <= GOAL_RATIO ? '达到' : '未达到'}目标（≤ ${GOAL_RATIO} 倍）`,
  );
  console.log(
    `表二   计算：${tableTwo.toFixed(1)} 毫秒；${tableTwo < TABLE_TWO_GOAL_MS ? '达到' : '未达到'}目标（< 1 秒）；` +
      `检查生成的报告（全部规则）：${checking.toFixed(2)} 毫秒`,
  );
}

export async function composeBench(): Promise<void> {
  const size = composeSize();
  const { path, madeSeconds } = await composeSqlite(size);
  if (madeSeconds !== null)
    console.log(`（已生成 SQLite 数据，用时 ${madeSeconds.toFixed(0)} 秒）`);
  const db = openDatabase(`sqlite:${path}`);
  try {
    await measure('SQLite', db.kysely, size);
  } finally {
    await db.close();
  }
  const pgUrl = benchPgUrl();
  if (!pgUrl) return;
  await withPgSchema(pgUrl, async (s) => {
    const t0 = performance.now();
    await composePostgres(s, path);
    console.log(`（已复制到 PostgreSQL，用时 ${((performance.now() - t0) / 1000).toFixed(0)} 秒）`);
    await measure('PostgreSQL', s.db.kysely, size);
  });
}
