// The supervisor's demo: `hd-supervisor` gets a real year to look at — every subordinate
// with a different status (clean, errors, published after its deadline, never received),
// a year before to compare with, trends that add up what the reports say — created once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { findingsOf, listBatches, reportOf } from './repository.js';
import { yearFigures } from './trends.js';
import { loadDashboard } from './views.js';

const clock = fixedClock('2026-01-20T02:00:00.000Z');
const deps = () => ({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 }, supervision: true });
let db: TestDb;
let demo: DemoResult;

before(async () => {
  db = await createTestDb();
  demo = await seedDemo(deps());
});
after(() => db.destroy());

test(`the 2021 dashboard shows every status, each from the report's real findings (${testDialect})`, async () => {
  const d = await loadDashboard(db.kysely, demo.parent.id, 2021, '2026-01-20');
  const status = Object.fromEntries(d.rows.map((r) => [r.agency.slug, r.status]));
  assert.deepEqual(status, {
    lingshanwei: 'errors',
    'demo-xuejiadao': 'clean',
    'demo-xinan': 'errors',
    'demo-changjianglu': 'received_late',
    'demo-hd-education': 'clean',
    'demo-hd-health': 'late',
  });
  const codes = (slug: string) =>
    findingsOf(d.rows.find((r) => r.agency.slug === slug)!.report!).findings.map((f) => f.code);
  assert.deepEqual(codes('demo-changjianglu'), ['LATE']);
  const late = d.rows.find((r) => r.agency.slug === 'demo-changjianglu')!;
  assert.deepEqual(
    [late.reportStatus, late.counts],
    ['warnings', { errors: 0, warnings: 1, notes: 0, unassessed: 0 }],
  );
  assert.ok(codes('demo-xinan').includes('T3_TOTAL_COLUMN'));
  assert.ok(codes('lingshanwei').includes('T3_BALANCE'), 'the seed as published, with its errors');
  for (const r of d.rows) assert.match(r.agency.fullName, /演示|灵山卫/);
});

test(`the 2021 reports were compared with 2020's, and the trends add up the reports (${testDialect})`, async () => {
  const d = await loadDashboard(db.kysely, demo.parent.id, 2021, '2026-01-20');
  const xuejiadao = d.rows.find((r) => r.agency.slug === 'demo-xuejiadao')!.report!;
  assert.notEqual(
    xuejiadao.previous_id,
    null,
    'last year’s report found for CARRY_OVER and T2_STOCK',
  );
  const figures = yearFigures(d);
  const received = d.rows
    .map((r) => (r.report ? reportOf(r.report)?.tables.requests.received?.total : 0))
    .reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
  assert.ok(received > 0);
  assert.equal(figures.applications, received);
  assert.equal(figures.received, 5);
  assert.equal(figures.withErrors, 2);
  const before = yearFigures(await loadDashboard(db.kysely, demo.parent.id, 2020, '2026-01-20'));
  assert.equal(before.received, 5, 'five reports in 2020; 灵山卫街道 had none there');
});

test(`seeding the demo again adds no batch (${testDialect})`, async () => {
  await seedDemo(deps());
  const titles = (await listBatches(db.kysely, demo.parent.id)).map((b) => b.title).sort();
  assert.deepEqual(titles, ['2020年度报告检查（演示数据）', '2021年度报告检查（演示数据）']);
});
