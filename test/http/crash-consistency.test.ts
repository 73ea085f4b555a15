// Crash consistency: a real `gongkai serve` is SIGKILLed again and again while applicants
// submit through the API and staff confirm receipt in the console. After every restart:
// every application that got a tracking number exists and opens with its code, no case is
// half-moved (state, clock events and audit events agree), retried submissions make no
// second case, jobs scheduled before a kill run, and every audit chain verifies.
// Runs on SQLite, and on PostgreSQL (its own schema) when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { listChainIds, verifyAuditChain } from '../../src/audit/audit-verify.js';
import { systemClock } from '../../src/db/time.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { scheduleJob } from '../../src/jobs/job-queue.js';
import { isoDateCst } from '../../src/portal/dates.js';
import { TEST_PASSWORD_PARAMS } from '../support/app.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { PERSON } from '../support/requests.js';
import {
  freePort,
  GONGKAI_BIN,
  HttpClient,
  signInOver,
  startServe,
  type ServerProcess,
} from '../support/server-process.js';

const KILLS = 5;
const APPLICANTS = 8;
const SUBMIT = '/api/v1/agencies/lingshanwei/requests';

let db: TestDb;
let fileDir: string;
let env: Record<string, string>;
/** Cases of the demo data, there before the test (seeded without audit events). */
let baseline = 0;
let demoCases = new Set<string>();

async function countRequests(): Promise<number> {
  const row = await db.kysely
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

before(async () => {
  db = await createTestDb();
  await seedDemo({ db, clock: systemClock, passwordParams: TEST_PASSWORD_PARAMS });
  fileDir = mkdtempSync(join(tmpdir(), 'gongkai-crash-files-'));
  // One address submits everything here: the per-address limit is not what is tested.
  env = { ...db.env, FILE_STORE_DIR: fileDir, APPLICATION_RATE_LIMIT: '1000000' };
  baseline = await countRequests();
  demoCases = new Set(
    (await db.kysely.selectFrom('requests').select('id').execute()).map((r) => r.id),
  );
});
after(async () => {
  await db.destroy();
  rmSync(fileDir, { recursive: true, force: true });
});

interface Acked {
  trackingNumber: string;
  accessCode: string;
}

/** What the clients learned: answered keys, and keys sent without an answer (to retry). */
const acked = new Map<string, Acked>();
const unanswered = new Set<string>();
let confirmedOk = 0;

async function submitOnce(base: string, key: string): Promise<'ok' | 'down'> {
  try {
    const res = await fetch(`${base}${SUBMIT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ ...PERSON, items: [{ description: `崩溃测试申请 ${key}` }] }),
      signal: AbortSignal.timeout(20_000),
    });
    assert.equal(res.status, 201, `submission answered ${res.status}: ${await res.clone().text()}`);
    const body = (await res.json()) as Acked;
    const earlier = acked.get(key);
    // A retried key must get the very answer of the first time.
    if (earlier) assert.deepEqual(body, earlier);
    acked.set(key, body);
    unanswered.delete(key);
    return 'ok';
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    unanswered.add(key);
    return 'down';
  }
}

async function applicantLoop(base: string, stop: { now: boolean }): Promise<void> {
  while (!stop.now) {
    const retry = [...unanswered][0];
    if ((await submitOnce(base, retry ?? randomUUID())) === 'down') return;
  }
}

async function staffLoop(staff: HttpClient, stop: { now: boolean }): Promise<void> {
  const today = isoDateCst(new Date());
  while (!stop.now) {
    const open = await db.kysely
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('state', '=', 'submitted')
      .orderBy('created_at', 'desc')
      .limit(3)
      .execute();
    if (open.length === 0) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    for (const row of open) {
      let res: Response;
      try {
        res = await staff.post(`/console/requests/${row.id}/confirm-receipt`, {
          receivedOn: today,
          version: String(row.version),
        });
      } catch {
        return; // the server is gone
      }
      // 400: another staff member (or a retry) confirmed it first.
      assert.ok([303, 400].includes(res.status), `confirm answered ${res.status}`);
      if (res.status === 303) confirmedOk++;
    }
  }
}

async function assertConsistent(base: string): Promise<void> {
  for (const [, a] of acked) {
    const res = await fetch(`${base}/api/v1/requests/${a.trackingNumber}`, {
      headers: { 'x-access-code': a.accessCode },
    });
    assert.equal(res.status, 200, `acknowledged ${a.trackingNumber} not found after restart`);
  }
  const cases = await db.kysely
    .selectFrom('requests')
    .select(['id', 'state', 'received_on', 'channel'])
    .execute();
  const received = await db.kysely
    .selectFrom('request_events')
    .select(['request_id'])
    .where('type', '=', 'received')
    .execute();
  const audits = await db.kysely
    .selectFrom('audit_events')
    .select(['subject_id', 'action'])
    .where('subject_type', '=', 'request')
    .execute();
  const count = (rows: { request_id?: string; subject_id?: string }[], id: string) =>
    rows.filter((r) => (r.request_id ?? r.subject_id) === id).length;
  for (const c of cases) {
    if (demoCases.has(c.id)) continue;
    const created = audits.filter(
      (a) =>
        a.subject_id === c.id && (a.action === 'request.submit' || a.action === 'request.register'),
    );
    assert.equal(created.length, 1, `case ${c.id}: one creation event`);
    const confirms = audits.filter(
      (a) => a.subject_id === c.id && a.action === 'request.receipt.confirm',
    ).length;
    const events = count(received, c.id);
    if (c.state === 'submitted') {
      assert.equal(c.received_on, null);
      assert.equal(events, 0, `case ${c.id} submitted but has a receipt event`);
      assert.equal(confirms, 0);
    } else if (c.channel === 'online') {
      assert.notEqual(c.received_on, null);
      assert.equal(events, 1, `case ${c.id}: exactly one receipt event`);
      assert.ok(confirms <= 1, `case ${c.id}: at most one confirmation`);
    }
  }
  const numbers = new Set(
    (await db.kysely.selectFrom('requests').select('tracking_number').execute()).map(
      (r) => r.tracking_number,
    ),
  );
  for (const a of acked.values()) assert.ok(numbers.has(a.trackingNumber));
  for (const chain of await listChainIds(db.kysely)) {
    const v = await verifyAuditChain(db.kysely, chain);
    assert.ok(v.ok, `chain ${chain}: ${v.problem?.message}`);
  }
}

async function waitForJobs(ids: string[]): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const rows = await db.kysely
      .selectFrom('jobs')
      .select(['id', 'status'])
      .where('id', 'in', ids)
      .execute();
    if (rows.every((r) => r.status === 'done')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail('jobs scheduled before the kills did not all run');
}

test(`${KILLS} SIGKILLs under load: nothing acknowledged is lost, nothing half-done`, async () => {
  const port = await freePort();
  const log: string[] = [];
  const jobIds: string[] = [];
  let staff: HttpClient | null = null;
  let server: ServerProcess | null = null;
  // A failed assertion must not leave a server running (the test would never end).
  process.once('exit', () => server?.child.kill('SIGKILL'));
  try {
    for (let round = 0; round < KILLS; round++) {
      server = await startServe({ env, port, logSink: log });
      await assertConsistent(server.base);
      // The staff session made before a kill is still valid after it (sessions are rows).
      staff = staff ? staff.to(server.base) : await signInOver(server.base, db, 'lsw-handler');
      const id = await scheduleJob(
        db.kysely,
        { type: 'calendar.changed', payload: { from: '2026-01-01', to: '2026-12-31' } },
        systemClock,
      );
      if (id) jobIds.push(id);
      const stop = { now: false };
      const loops = [
        ...Array.from({ length: APPLICANTS }, () => applicantLoop(server!.base, stop)),
        staffLoop(staff, stop),
      ];
      await new Promise((r) => setTimeout(r, 1200 + Math.floor(Math.random() * 1500)));
      await server.kill();
      stop.now = true;
      await Promise.all(loops);
    }
    // A job whose worker was killed holds its lease for 5 minutes: let that time pass.
    await db.kysely
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('status', '=', 'running')
      .execute();
    server = await startServe({ env, port, logSink: log });
    // Submissions whose answer the kill swallowed are retried with their key: one case each.
    for (const key of [...unanswered]) assert.equal(await submitOnce(server.base, key), 'ok');
    assert.equal(unanswered.size, 0);
    await assertConsistent(server.base);
    // Every key made exactly one case: none lost, none made twice by a retry.
    assert.equal(await countRequests(), baseline + acked.size);
    await waitForJobs(jobIds);
  } finally {
    await server?.stop();
  }

  const cli = spawnSync(process.execPath, [GONGKAI_BIN, 'audit', 'verify'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stderr, /审计链全部校验通过/);
  assert.ok(acked.size > KILLS * 5, `only ${acked.size} submissions acknowledged`);
  assert.ok(confirmedOk > 0, 'staff confirmed some cases');
  assert.doesNotMatch(log.join(''), /database is locked|SQLITE_BUSY|Unhandled|TypeError/);
  // Applicants' personal data never reaches the server log.
  for (const secret of [
    PERSON.applicant.idNumber,
    PERSON.applicant.phone,
    PERSON.applicant.address,
  ])
    assert.ok(!log.join('').includes(secret), 'personal data in the server log');
  // For docs/reliability.md.
  console.log(
    `crash-consistency: kills=${KILLS} acknowledged=${acked.size} confirmed=${confirmedOk} jobs=${jobIds.length}`,
  );
});
