// Two `gongkai serve` processes over one database and one file folder, as behind a load
// balancer: a session made on one is valid on the other, a form opened on one posts to the
// other, a file uploaded through one is read through the other, a report check's CSV made
// on one downloads from the other, and every scheduled job runs exactly once.
// Production runs this on PostgreSQL (TEST_DATABASE_URL); on SQLite the same holds for
// processes sharing one file on one machine (docs/deployment.md), and is checked the same way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'node-html-parser';
import { systemClock } from '../../src/db/time.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { scheduleJob } from '../../src/jobs/job-queue.js';
import { renderReport } from '../../src/reports/render/index.js';
import { sampleReport } from '../../src/reports/render/test-support.js';
import { TEST_PASSWORD_PARAMS } from '../support/app.js';
import { createTestDb, type TestDb } from '../support/db.js';
import {
  HttpClient,
  signInOver,
  startServe,
  type ServerProcess,
} from '../support/server-process.js';

const APPLY = '/agencies/lingshanwei/requests/apply';
const FIELDS: Record<string, string> = {
  'applicant.category': 'natural_person',
  'applicant.name': '张演示',
  'applicant.idType': 'resident_id_card',
  'applicant.idNumber': '370211198001011239',
  'applicant.phone': '13800000001',
  'applicant.address': '青岛市西海岸新区演示路1号',
  'applicant.email': 'zhang@example.com',
  itemRows: '3',
  'items.0.title': '征地规划文件',
  'delivery.form': 'electronic',
  'delivery.method': 'email',
};
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

let db: TestDb;
let files: string;
let a: ServerProcess;
let b: ServerProcess;

before(async () => {
  db = await createTestDb();
  await seedDemo({ db, clock: systemClock, passwordParams: TEST_PASSWORD_PARAMS });
  files = mkdtempSync(join(tmpdir(), 'gongkai-multi-files-'));
  const env = { ...db.env, FILE_STORE_DIR: files };
  [a, b] = await Promise.all([startServe({ env }), startServe({ env })]);
});
after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db.destroy();
  rmSync(files, { recursive: true, force: true });
});

test('a staff session made on one instance is valid on the other', async () => {
  const onA = await signInOver(a.base, db, 'lsw-handler');
  const onB = onA.to(b.base);
  const page = await onB.get('/console/requests');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /演示承办人/);
  // Signing out on B ends the session on A too.
  const out = await onB.post('/console/logout');
  assert.equal(out.status, 303);
  assert.equal((await onA.get('/console/requests')).status, 303);
});

test('an application form opened on A posts to B, its proof is read through A', async () => {
  const visitor = new HttpClient(a.base);
  const html = await (await visitor.get(APPLY)).text();
  const token = /name="submissionToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const body = new FormData();
  for (const [k, v] of Object.entries(FIELDS)) body.append(k, v);
  body.set('submissionToken', token);
  body.set('_csrf', visitor.csrfToken);
  body.append('identityProof', new File([PDF], '身份证.pdf', { type: 'application/pdf' }));
  const posted = await visitor.to(b.base).fetch(APPLY, { method: 'POST', body });
  assert.equal(posted.status, 200, await posted.clone().text());
  const tracking = /(GK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(await posted.text())?.[1];
  assert.ok(tracking);
  const row = await db.kysely
    .selectFrom('requests')
    .innerJoin('request_files', 'request_files.request_id', 'requests.id')
    .select(['requests.id', 'request_files.file_id'])
    .where('tracking_number', '=', tracking)
    .executeTakeFirstOrThrow();
  const handler = await signInOver(a.base, db, 'lsw-handler');
  const file = await handler.post(`/console/requests/${row.id}/files/${row.file_id}`);
  assert.equal(file.status, 200);
  assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
});

test('a report check made on A downloads from B, for its owner', async () => {
  const onA = await signInOver(a.base, db, 'hd-supervisor');
  const form = new FormData();
  form.append('files', new File([await renderReport(sampleReport(), 'json')], 'balanced.json'));
  form.append('_csrf', onA.csrfToken);
  const res = await onA.fetch('/console/reports/check', { method: 'POST', body: form });
  assert.equal(res.status, 200);
  const href =
    parse(await res.text())
      .querySelectorAll('a')
      .find((l) => l.textContent.trim() === '下载汇总表（CSV）')
      ?.getAttribute('href') ?? '';
  assert.match(href, /summary\.csv$/);
  const fromB = await onA.to(b.base).get(href);
  assert.equal(fromB.status, 200);
  assert.match(await fromB.text(), /balanced\.json/);
});

test('each scheduled job runs once, whichever instance claims it', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const id = await scheduleJob(
      db.kysely,
      { type: 'calendar.changed', payload: { from: '2026-01-01', to: '2026-12-31' } },
      systemClock,
    );
    if (id) ids.push(id);
  }
  let rows: { id: string; status: string; attempts: number; locked_by: string | null }[] = [];
  for (let i = 0; i < 200; i++) {
    rows = await db.kysely
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts', 'locked_by'])
      .where('id', 'in', ids)
      .execute();
    if (rows.every((r) => r.status === 'done')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(rows.length, 12);
  for (const r of rows) {
    assert.equal(r.status, 'done');
    assert.equal(Number(r.attempts), 1, `job ${r.id} ran ${r.attempts} times`);
  }
  // Both instances scheduled the recurring jobs at start-up: one instance of each waits.
  const waiting = await db.kysely
    .selectFrom('jobs')
    .select(['recurring_key'])
    .where('recurring_key', 'is not', null)
    .where('status', 'in', ['pending', 'running'])
    .execute();
  const keys = waiting.map((w) => w.recurring_key).sort();
  assert.deepEqual(keys, [...new Set(keys)], 'one waiting instance per recurring job');
  assert.ok(keys.includes('purge'));
  assert.doesNotMatch(a.log() + b.log(), /database is locked|SQLITE_BUSY|TypeError/);
});
