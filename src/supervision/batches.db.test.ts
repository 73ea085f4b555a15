// Batches in the database: stored with their files, read by the job (each result recorded
// once), matched to a subordinate, flagged when a file repeats or is of another year, and
// re-checked against last year's report once the agency is confirmed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { seedText } from '../reports/read/test-support.js';
import { ReportReader } from '../reports/read/reader-pool.js';
import { renderReport } from '../reports/render/index.js';
import { sampleReport } from '../reports/render/test-support.js';
import { runCheckBatch } from './check-job.js';
import { FETCH_LIMITS } from './fetch-report.js';
import { createBatch, matchReport, receivePublishedReport } from './commands.js';
import { batchFlags } from './matching.js';
import { batchReports, findingsOf, getBatch } from './repository.js';

const actor = systemActor('测试');
const clock = fixedClock('2022-01-20T02:00:00.000Z');
let db: TestDb;
let demo: DemoResult;
let reader: ReportReader;

before(async () => {
  db = await createTestDb();
  demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
  reader = new ReportReader({ workers: 2 });
});
after(async () => {
  await reader.close();
  await db.destroy();
});

test(`a batch is stored, read by its job once, and flags what must not be counted (${testDialect})`, async () => {
  const deps = { db, clock };
  const seed = seedText();
  const created = await createBatch(deps, actor, {
    ownerAgencyId: demo.parent.id,
    year: 2021,
    title: '2021年度报告',
    files: [
      { name: '灵山卫街道2021年报.txt', source: 'upload', bytes: seed },
      { name: '副本.txt', source: 'upload', bytes: seed },
      {
        name: '坏.zip',
        source: 'upload',
        error: '压缩包已损坏或不是 zip 格式，无法打开；请重新打包后上传。',
      },
    ],
  });
  assert.ok(created.ok);
  const batchId = created.value.batchId;
  const jobs = await db.kysely.selectFrom('jobs').select(['type', 'payload_json']).execute();
  assert.deepEqual(
    jobs.map((j) => [j.type, JSON.parse(j.payload_json)]),
    [['supervision.check-batch', { batchId }]],
  );
  assert.equal((await getBatch(db.kysely, batchId))?.finished_at, null);

  assert.equal(await runCheckBatch(deps, reader, batchId), 2);
  // A second run (a retried job) reads nothing again.
  assert.equal(await runCheckBatch(deps, reader, batchId), 0);
  assert.ok((await getBatch(db.kysely, batchId))?.finished_at);

  const rows = await batchReports(db.kysely, batchId);
  assert.deepEqual(
    rows.map((r) => [r.seq, r.state, r.read_as, r.agency_id, r.confirmed, r.report_year]),
    [
      [1, 'read', 'text', demo.agency.id, 0, 2021],
      [2, 'read', 'text', demo.agency.id, 0, 2021],
      [3, 'unreadable', null, null, 0, null],
    ],
  );
  assert.equal(rows[0]!.sha256, rows[1]!.sha256);
  assert.ok(rows[0]!.errors >= 5, 'the seed report has five arithmetic errors');
  const stored = await db.kysely
    .selectFrom('supervision_reports')
    .select('content_b64')
    .where('batch_id', '=', batchId)
    .execute();
  assert.ok(
    stored.every((r) => r.content_b64 === null),
    'the bytes are dropped once read',
  );

  const flags = batchFlags(
    rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      sha256: r.sha256,
      state: r.state,
      agencyId: r.agency_id,
      confirmed: r.confirmed === 1,
      reportYear: r.report_year,
    })),
    2021,
    new Set([demo.agency.id]),
  );
  assert.deepEqual(flags.get(rows[0]!.id), ['unconfirmed']);
  assert.deepEqual(flags.get(rows[1]!.id), ['duplicate', 'unconfirmed']);

  const events = await db.kysely
    .selectFrom('audit_events')
    .select('action')
    .where('action', 'like', 'supervision.%')
    .execute();
  assert.deepEqual(events.map((e) => e.action).sort(), [
    'supervision.batch.create',
    'supervision.batch.finish',
    'supervision.report.read',
    'supervision.report.read',
    // The demo's 2021 report, received when the demo published it.
    'supervision.report.receive',
  ]);
});

test(`a match outside the subordinates is refused; last year's report is used once confirmed (${testDialect})`, async () => {
  const deps = { db, clock };
  // Only this test's copy of last year: not the demo's own published 2021 report.
  await db.kysely.deleteFrom('supervision_reports').where('source', '=', 'platform').execute();
  const lastYear = sampleReport();
  const published = await receivePublishedReport(deps, actor, {
    agencyId: demo.agency.id,
    year: 2021,
    report: lastYear,
    source: '本平台发布的2021年度报告',
  });
  assert.ok(published.ok);

  const thisYear = sampleReport();
  thisYear.year = 2022;
  thisYear.tables.requests.carried_in = { ...thisYear.tables.requests.carried_in, total: 7 };
  const created = await createBatch(deps, actor, {
    ownerAgencyId: demo.parent.id,
    year: 2022,
    title: '2022年度报告',
    files: [
      {
        name: 'report.json',
        source: 'upload',
        bytes: new TextEncoder().encode(await renderReport(thisYear, 'json')),
      },
    ],
  });
  assert.ok(created.ok);
  await runCheckBatch(deps, reader, created.value.batchId);
  const [row] = await batchReports(db.kysely, created.value.batchId);
  assert.equal(row!.state, 'read');
  assert.equal(row!.previous_id, published.value.reportId, 'compared with last year at once');

  const refused = await matchReport(deps, actor, {
    reportId: row!.id,
    agencyId: demo.parent.id,
    year: 2022,
    allowed: new Set([demo.agency.id]),
  });
  assert.deepEqual(refused, { ok: false, errors: { agency: '请从本机关的下级机关中选择。' } });

  const none = await matchReport(deps, actor, {
    reportId: row!.id,
    agencyId: null,
    year: 2022,
    allowed: new Set([demo.agency.id]),
  });
  assert.ok(none.ok);
  const [unmatched] = await batchReports(db.kysely, created.value.batchId);
  assert.equal(unmatched!.previous_id, null);
  assert.ok(!findingsOf(unmatched!).findings.some((f) => f.code === 'CARRY_OVER'));

  assert.ok(
    (
      await matchReport(deps, actor, {
        reportId: row!.id,
        agencyId: demo.agency.id,
        year: 2022,
        allowed: new Set([demo.agency.id]),
      })
    ).ok,
  );
  const [matched] = await batchReports(db.kysely, created.value.batchId);
  assert.equal(matched!.confirmed, 1);
  assert.equal(matched!.previous_id, published.value.reportId);
  assert.ok(findingsOf(matched!).findings.some((f) => f.code === 'CARRY_OVER'));
});

test(`an address in a batch is fetched by the job, then read like a file (${testDialect})`, async () => {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url === '/report.txt') res.end(Buffer.from(seedText()));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const deps = { db, clock };
    const created = await createBatch(deps, actor, {
      ownerAgencyId: demo.parent.id,
      year: 2021,
      title: '网址',
      files: [
        { name: `http://127.0.0.1:${port}/report.txt`, source: 'address' },
        { name: `http://127.0.0.1:${port}/missing.pdf`, source: 'address' },
      ],
    });
    assert.ok(created.ok);
    await runCheckBatch(deps, reader, created.value.batchId, {
      fetchLimits: { ...FETCH_LIMITS, timeoutMs: 5_000, allowPrivate: true },
    });
    const [found, missing] = await batchReports(db.kysely, created.value.batchId);
    assert.equal(found!.state, 'read');
    assert.equal(found!.size, seedText().length);
    assert.match(found!.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.equal(found!.agency_id, demo.agency.id);
    assert.equal(missing!.state, 'unreadable');
    assert.match(missing!.error ?? '', /HTTP 404/);
  } finally {
    server.close();
  }
});
