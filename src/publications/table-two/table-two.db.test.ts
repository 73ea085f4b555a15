// Table 二 from the demo records: 2021 gives a grid every report check accepts (including
// T2_STOCK against 2020 computed the same way), the seed's channel counts, and a validity
// change or an entered figure moves the right cells.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import { systemActor } from '../../commands/actor.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { checkReport } from '../../reports/checks/index.js';
import type { AnnualReport, Grid } from '../../reports/model.js';
import { newMediaReportSource } from '../../new-media/report-source.js';
import { publicationsReportSource } from './report-source.js';
import { saveYearFigures } from './year-figures-command.js';
import { yearFiguresSchema } from './year-figures.js';

const clock = fixedClock('2026-11-20T02:00:00.000Z');

async function withDemo(fn: (db: TestDb, agencyId: string) => Promise<void>) {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    await fn(db, demo.agency.id);
  } finally {
    await db.destroy();
  }
}

const reportOf = (year: number, proactive: Grid): AnnualReport => ({
  agency: '灵山卫街道办事处',
  year,
  format: '2021',
  publishedOn: `${year + 1}-01-20`,
  sections: [],
  tables: { proactive, requests: {}, review: {} },
});

test(`table 二 of the demo's 2021 passes every check, T2_STOCK against 2020 too (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const of = async (year: number) =>
      (await publicationsReportSource.contribute({ db: db.kysely, agencyId, year })).tables
        ?.proactive ?? {};
    const [y2020, y2021] = [await of(2020), await of(2021)];
    // The demo's 2019 规范性文件 was repealed in 2021 and replaced by one written that year.
    assert.deepEqual(y2021.normative_documents, { issued: 1, repealed: 1, in_force: 1 });
    assert.deepEqual(y2020.normative_documents, { issued: 0, repealed: 0, in_force: 1 });
    assert.deepEqual(y2021.rules, { issued: 0, repealed: 0, in_force: 0 });
    assert.deepEqual(y2021.fees, { amount_wan_yuan: 0 });
    const findings = checkReport(reportOf(2021, y2021), { previous: reportOf(2020, y2020) });
    assert.deepEqual(
      findings.filter((f) => f.table === 'proactive'),
      [],
    );
    // A stock that does not carry over is caught by the same check (the test can fail).
    const broken = { ...y2021, normative_documents: { issued: 1, repealed: 0, in_force: 1 } };
    assert.ok(
      checkReport(reportOf(2021, broken), { previous: reportOf(2020, y2020) }).some(
        (f) => f.code === 'T2_STOCK',
      ),
    );
  });
});

test(`the demo's 2021 channels are the seed's: 179 + 1050 + 122 = 1351 (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const { facts } = await publicationsReportSource.contribute({
      db: db.kysely,
      agencyId,
      year: 2021,
    });
    assert.deepEqual(
      {
        website: facts?.publishedPerChannel?.website,
        wechat: facts?.publishedPerChannel?.wechat,
        weibo: facts?.publishedPerChannel?.weibo,
      },
      { website: 179, wechat: 1050, weibo: 122 },
    );
    assert.equal(facts?.publishedItems, 1351);
    const media = (await newMediaReportSource.contribute({ db: db.kysely, agencyId, year: 2021 }))
      .facts;
    assert.deepEqual(
      media?.mediaAccountsActive?.map((a) => a.name).sort(),
      ['卫 您好', '美丽灵山卫'].sort(),
    );
    assert.equal(media?.mediaAccountsClosed?.length, 4);
    assert.deepEqual(
      media?.mediaAccountsClosed?.map((a) => a.platform).sort(),
      ['微信', '微信', '微信', '微博'].sort(),
    );
    assert.ok(media?.mediaAccountsClosed?.every((a) => a.closedOn?.startsWith('2021-')));
  });
});

test(`entered figures fill their rows, a blank removes one, each save audited (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const form = (over: Record<string, string>) => {
      const base = Object.fromEntries(
        Object.keys(yearFiguresSchema.in?.shape ?? {}).map((k) => [k, '']),
      );
      return yearFiguresSchema.parse({ ...base, ...over });
    };
    const input = form({
      licensing: '12',
      licensingSource: '区行政审批服务局审批系统统计',
      fees: '3.25',
      feesSource: '非税收入票据汇总',
    });
    const saved = await saveYearFigures({ db, clock }, systemActor('测试'), agencyId, 2023, input);
    assert.ok(saved.ok);
    const grid = (
      await publicationsReportSource.contribute({ db: db.kysely, agencyId, year: 2023 })
    ).tables?.proactive;
    assert.deepEqual(grid?.licensing, { decisions: 12 });
    assert.deepEqual(grid?.fees, { amount_wan_yuan: 3.25 });
    assert.equal(grid?.penalty, undefined);
    await saveYearFigures(
      { db, clock },
      systemActor('测试'),
      agencyId,
      2023,
      form({ licensing: '', fees: '0', feesSource: '无收费' }),
    );
    const again = (
      await publicationsReportSource.contribute({ db: db.kysely, agencyId, year: 2023 })
    ).tables?.proactive;
    assert.equal(again?.licensing, undefined);
    assert.deepEqual(again?.fees, { amount_wan_yuan: 0 });
    const events = await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'publication.year_figures')
      .execute();
    assert.equal(events.length, 2);
  });
});
