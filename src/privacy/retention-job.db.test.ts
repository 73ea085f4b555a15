// The retention job on a real database (SQLite, and PostgreSQL in CI): after the period, the
// applicants' personal data is gone from the rows, the uploads, the letters and the audit
// log, while table 三 of each year computes the same, the tracking numbers, dates, outcomes
// and letter numbers stay, the audit chain verifies, and a second run changes nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { listChainIds, verifyAuditChain } from '../audit/audit-verify.js';
import { fixedClock, type Clock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore, type FileStore } from '../files/file-store.js';
import { letterFile } from '../letters/issue.js';
import type { ApplicantCategory } from '../requests/case.js';
import { getApplicant } from '../requests/repository.js';
import { yearFigures } from '../requests/year-figures.js';
import { createTestDb, type TestDb } from '../../test/support/db.js';
import { TEST_PASSWORD_PARAMS } from '../../test/support/app.js';
import { PURGE_ACTION } from './purge-case.js';
import { personalValues } from './redact.js';
import { RETENTION_JOB, retentionJob } from './retention-job.js';

let db: TestDb;
let dir: string;
const seededAt = fixedClock('2026-12-01T02:00:00.000Z');
const storeAt = (clock: Clock): FileStore =>
  createFileStore({ db, clock, blobs: localBlobStorage(dir) });

async function runJob(now: string) {
  const clock = fixedClock(now);
  const job = retentionJob({ files: storeAt(clock), retentionYears: 10 });
  return (await job.run(
    {},
    {
      db,
      clock,
      signal: new AbortController().signal,
      job: { id: 'test', type: RETENTION_JOB, attempt: 1, maxAttempts: 1 },
    },
  )) as { purged: number; failed: number; idempotencyKeys: number };
}

/** Every text the platform holds about a case (its rows, its letters' files), to search. */
async function everythingAbout(id: string): Promise<string> {
  const k = db.kysely;
  const parts: unknown[] = [
    await k.selectFrom('request_applicants').selectAll().where('request_id', '=', id).execute(),
    await k.selectFrom('request_items').selectAll().where('request_id', '=', id).execute(),
    await k.selectFrom('request_events').selectAll().where('request_id', '=', id).execute(),
    await k.selectFrom('audit_events').selectAll().where('subject_id', '=', id).execute(),
  ];
  const letters = await k
    .selectFrom('issued_letters')
    .selectAll()
    .where('subject_id', '=', id)
    .execute();
  parts.push(letters);
  const files = storeAt(seededAt);
  for (const l of letters) {
    const html = await files.get(l.html_file_id);
    const docx = await files.get(l.docx_file_id);
    parts.push(new TextDecoder().decode(html!.bytes));
    for (const [, data] of Object.entries(unzipSync(docx!.bytes))) parts.push(strFromU8(data));
  }
  return JSON.stringify(parts);
}

before(async () => {
  db = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'gongkai-retention-'));
  await seedDemo({
    db,
    clock: seededAt,
    files: storeAt(seededAt),
    passwordParams: TEST_PASSWORD_PARAMS,
  });
});
after(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test('after the period: personal data gone everywhere, table 三 unchanged, chain intact', async () => {
  const k = db.kysely;
  // Two of this year's cases that have letters are closed today, and one gets an uploaded
  // identity proof holding the applicant's ID number.
  const withLetters = await k
    .selectFrom('requests')
    .innerJoin('issued_letters', 'issued_letters.subject_id', 'requests.id')
    .select(['requests.id', 'requests.agency_id'])
    .where('requests.closed_on', 'is', null)
    .distinct()
    .execute();
  assert.ok(withLetters.length >= 2);
  const closedNow = withLetters.slice(0, 2).map((r) => r.id);
  await k
    .updateTable('requests')
    .set({
      state: 'closed',
      closure: 'replied',
      outcome: 'partially_disclosed',
      closed_on: '2026-12-01',
    })
    .where('id', 'in', closedNow)
    .execute();
  const proofOwner = closedNow[0]!;
  const proofApplicant = (await getApplicant(k, proofOwner))!;
  const proof = await storeAt(seededAt).transaction(async (ft) => {
    const f = await ft.put(
      new TextEncoder().encode(`居民身份证 ${proofApplicant.idNumber ?? proofApplicant.phone}`),
      { filename: '身份证明.txt', createdBy: null },
    );
    await ft.trx
      .insertInto('request_files')
      .values({
        request_id: proofOwner,
        file_id: f.id,
        purpose: 'identity_proof',
        created_at: seededAt.now().toISOString(),
      })
      .execute();
    return f;
  });
  // An idempotency key a week and a day old, and one from today.
  for (const [key, at] of [
    ['old', '2026-11-23T00:00:00.000Z'],
    ['new', '2026-12-01T01:00:00.000Z'],
  ] as const)
    await k
      .insertInto('request_idempotency')
      .values({
        agency_id: withLetters[0]!.agency_id,
        key,
        body_hash: 'x',
        request_id: proofOwner,
        sealed_code: 'x',
        created_at: at,
      })
      .execute();

  const closed = await k
    .selectFrom('requests')
    .select(['id', 'agency_id', 'category', 'tracking_number', 'closed_on', 'outcome'])
    .where('closed_on', 'is not', null)
    .execute();
  const agencyId = closed[0]!.agency_id;
  const tablesBefore = [await yearFigures(k, agencyId, 2021), await yearFigures(k, agencyId, 2026)];
  const valuesOf = new Map<string, string[]>();
  for (const c of closed) {
    const a = await getApplicant(k, c.id);
    valuesOf.set(c.id, a ? personalValues(a, c.category as ApplicantCategory) : []);
  }
  const openReview = await k
    .selectFrom('review_cases')
    .select('request_id')
    .where('decided_on', 'is', null)
    .where('request_id', 'is not', null)
    .execute();
  const expectPurged = closed.filter((c) => !openReview.some((r) => r.request_id === c.id));
  for (const c of expectPurged)
    assert.ok((await everythingAbout(c.id)).includes(valuesOf.get(c.id)![0]!));

  // Today: no case has reached its period; the week-old key expires, today's stays.
  const today = await runJob('2026-12-01T02:00:00.000Z');
  assert.deepEqual([today.purged, today.idempotencyKeys], [0, 1]);
  const keys = await k.selectFrom('request_idempotency').select('key').execute();
  assert.deepEqual(
    keys.map((r) => r.key),
    ['new'],
  );
  // A day before the period ends for the cases closed today: only the 2021 ones go.
  const early = await runJob('2036-11-30T02:00:00.000Z');
  assert.equal(early.failed, 0);
  assert.equal(early.purged, expectPurged.filter((c) => c.closed_on! < '2026-12-01').length);

  const second = await runJob('2036-12-01T02:00:00.000Z');
  assert.equal(second.failed, 0);
  assert.equal(second.purged, 2);

  for (const c of expectPurged) {
    const text = await everythingAbout(c.id);
    for (const v of valuesOf.get(c.id)!) assert.ok(!text.includes(v), `${c.tracking_number}`);
  }
  // The proof is gone: its link, its row and its bytes.
  assert.equal(
    (await k.selectFrom('request_files').select('file_id').execute()).filter(
      (f) => f.file_id === proof.id,
    ).length,
    0,
  );
  assert.equal(await storeAt(seededAt).get(proof.id), null);
  // What the statistics and the record need stays.
  assert.deepEqual(
    [await yearFigures(k, agencyId, 2021), await yearFigures(k, agencyId, 2026)],
    tablesBefore,
  );
  const afterRows = await k
    .selectFrom('requests')
    .select(['id', 'tracking_number', 'closed_on', 'outcome', 'personal_data_purged_on'])
    .where('closed_on', 'is not', null)
    .execute();
  for (const c of closed) {
    const a = afterRows.find((r) => r.id === c.id)!;
    assert.equal(a.tracking_number, c.tracking_number);
    assert.equal(a.closed_on, c.closed_on);
    assert.equal(a.outcome, c.outcome);
    const purged = expectPurged.includes(c);
    assert.equal(a.personal_data_purged_on !== null, purged, c.tracking_number);
  }
  // The letters keep their numbers and open as stored (the hash is the redacted version's);
  // those to the applicant show where the name was (a third party's never held it).
  let marked = 0;
  for (const id of closedNow) {
    const letters = await k
      .selectFrom('issued_letters')
      .select(['id', 'letter_number', 'email_to'])
      .where('subject_id', '=', id)
      .execute();
    for (const l of letters) {
      assert.equal(l.email_to, null);
      const html = await letterFile(k, storeAt(seededAt), l.id, 'html');
      const text = new TextDecoder().decode(html!.bytes);
      assert.ok(text.includes(l.letter_number));
      if (text.includes('〔已删除〕')) marked++;
      assert.ok(await letterFile(k, storeAt(seededAt), l.id, 'docx'));
    }
  }
  assert.ok(marked > 0);
  // One purge event per case, holding counts only; every chain still verifies.
  const events = await k
    .selectFrom('audit_events')
    .select(['subject_id', 'after_json'])
    .where('action', '=', PURGE_ACTION)
    .execute();
  assert.deepEqual(events.map((e) => e.subject_id).sort(), expectPurged.map((c) => c.id).sort());
  for (const chain of await listChainIds(k)) assert.ok((await verifyAuditChain(k, chain)).ok);

  // Nothing left to do: a later run purges nothing and writes no event.
  const third = await runJob('2037-01-01T02:00:00.000Z');
  assert.equal(third.purged, 0);
  assert.equal(
    (await k.selectFrom('audit_events').select('seq').where('action', '=', PURGE_ACTION).execute())
      .length,
    expectPurged.length,
  );
});
