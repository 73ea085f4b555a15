import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { insertTestAccount } from '../../test/support/accounts.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { createSession } from '../auth/sessions.js';
import { fixedClock } from '../db/time.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore } from '../files/file-store.js';
import { findCheckResult, saveCheckResult } from '../reports/check-console/result-store.js';
import { scheduleJob } from './job-queue.js';
import { createJobRunner } from './job-runner.js';
import { PURGE_JOB, PURGE_RECURRING, purgeJob } from './purge-job.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

let db: TestDb;
let dir: string;
before(async () => {
  db = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'gongkai-purge-'));
});
after(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test(`the recurring purge removes what has expired and keeps the rest (${testDialect})`, async () => {
  // Real time, because staged files are judged by their modification time.
  const t0 = new Date();
  const clock = fixedClock(t0);
  const { accountId, agencyId } = await insertTestAccount(db, 'acct-purge');

  // Sessions end 12 hours after sign-in.
  const oldSession = await createSession(db.kysely, accountId, agencyId, t0);
  const freshSession = await createSession(
    db.kysely,
    accountId,
    agencyId,
    new Date(t0.getTime() + 2 * HOUR),
  );
  // Check results are kept two hours.
  const oldResult = await saveCheckResult(db.kysely, accountId, 'old', t0);
  const freshResult = await saveCheckResult(
    db.kysely,
    accountId,
    'fresh',
    new Date(t0.getTime() + 12 * HOUR),
  );
  // Finished jobs: done ones are kept a week, failed ones a month.
  const finished = async (status: 'done' | 'failed', agoMs: number) => {
    const id = (await scheduleJob(db.kysely, { type: 'test.old' }, clock))!;
    await db.kysely
      .updateTable('jobs')
      .set({ status, finished_at: new Date(t0.getTime() + 13 * HOUR - agoMs).toISOString() })
      .where('id', '=', id)
      .execute();
    return id;
  };
  const doneOld = await finished('done', 8 * DAY);
  const doneRecent = await finished('done', 6 * DAY);
  const failedWeekOld = await finished('failed', 8 * DAY);
  const failedOld = await finished('failed', 31 * DAY);
  const waiting = (await scheduleJob(db.kysely, { type: 'test.old' }, clock))!;
  // Bytes staged by a transaction that never committed.
  const blobs = localBlobStorage(join(dir, 'files'));
  await blobs.stage('cd'.repeat(16), new Uint8Array([1, 2, 3]));

  const files = createFileStore({ db, clock, blobs, log: () => {} });
  const runner = createJobRunner(
    { db, clock },
    { handlers: [purgeJob({ files })], recurring: [PURGE_RECURRING], log: () => {} },
  );
  clock.set(new Date(t0.getTime() + 13 * HOUR));
  await runner.ensureRecurring();
  assert.deepEqual(
    (await runner.runOnce()).map((r) => [r.type, r.outcome]),
    [[PURGE_JOB, 'done']],
  );

  const sessions = await db.kysely.selectFrom('sessions').select('id').execute();
  assert.deepEqual(
    sessions.map((s) => s.id),
    [freshSession.sessionId],
  );
  assert.notEqual(oldSession.sessionId, freshSession.sessionId);
  const results = await db.kysely.selectFrom('check_results').select('id').execute();
  assert.deepEqual(
    results.map((r) => r.id),
    [freshResult],
  );
  assert.equal(await findCheckResult(db.kysely, oldResult, accountId, clock.now()), null);
  const jobs = await db.kysely.selectFrom('jobs').select(['id', 'type', 'status']).execute();
  const ids = new Set(jobs.map((j) => j.id));
  assert.ok(!ids.has(doneOld) && !ids.has(failedOld));
  assert.ok(ids.has(doneRecent) && ids.has(failedWeekOld) && ids.has(waiting));
  assert.deepEqual(readdirSync(join(dir, 'files', 'staging')), []);

  const purge = jobs.filter((j) => j.type === PURGE_JOB);
  assert.deepEqual(purge.map((j) => j.status).sort(), ['done', 'pending']);
  const done = await db.kysely
    .selectFrom('jobs')
    .select('result_json')
    .where('type', '=', PURGE_JOB)
    .where('status', '=', 'done')
    .executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(done.result_json!), {
    checkResults: 1,
    finishedJobs: 2,
    stagedFiles: { promoted: 0, discarded: 1 },
  });
});
