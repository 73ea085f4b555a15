// A calendar change moves the cached due dates of open cases (decision 0016): through the
// calendar.changed job, audited per case, and idempotent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { PERSON } from '../../test/support/requests.js';
import { calendarChangedJob } from '../calendar/calendar-changed.js';
import { correctDay, saveCalendar } from '../calendar/calendar-service.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { applicationSchemaFor } from './application.js';
import { submitApplication } from './commands.js';
import { recomputeDueDates, requestDueDates } from './due-recompute.js';
import { getCase } from './repository.js';

const clock = fixedClock('2026-12-01T02:00:00.000Z');
const staff = systemActor('测试登记人员');
const admin = { id: null, label: '测试管理员' };
const application = applicationSchemaFor('2026-12-01').parse(PERSON);

async function withDb(fn: (db: TestDb, agencyId: string) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    await fn(db, demo.agency.id);
  } finally {
    await db.destroy();
  }
}

async function registerInPerson(db: TestDb, agencyId: string, on: string, key: string) {
  const r = await submitApplication(
    { db, clock },
    {
      agencyId,
      application,
      channel: 'in_person',
      submittedOn: on,
      receivedOn: on,
      idempotencyKey: key,
    },
    staff,
  );
  assert.ok(r.ok);
  return r.value.requestId;
}

const recomputeEvents = async (db: TestDb, id: string) =>
  (
    await db.kysely
      .selectFrom('audit_events')
      .select(['actor_label', 'before_json', 'after_json'])
      .where('action', '=', 'request.due.recompute')
      .where('subject_id', '=', id)
      .execute()
  ).map((e) => ({
    actor: e.actor_label,
    before: JSON.parse(e.before_json!),
    after: JSON.parse(e.after_json!),
  }));

const runJobs = async (db: TestDb) => {
  const runner = createJobRunner(
    { db, clock },
    { handlers: [calendarChangedJob([requestDueDates])], log: () => {} },
  );
  return (await runner.runOnce()).map((r) => r.outcome);
};

test(`a day corrected to a holiday moves an open case's due date, audited once (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const id = await registerInPerson(db, agencyId, '2026-12-01', 'in-person-1');
    const before = await getCase(db.kysely, id);
    assert.equal(before?.dueOn, '2026-12-29');

    const corrected = await correctDay({ db, clock }, admin, {
      date: '2026-12-10',
      kind: 'holiday',
      name: '测试假日',
    });
    assert.ok(corrected.ok);
    assert.deepEqual(await runJobs(db), ['done']);

    const after = await getCase(db.kysely, id);
    assert.equal(after?.dueOn, '2026-12-30', 'one working day fewer before the old due date');
    assert.equal(after?.version, before?.version, 'a cache refresh does not make open forms stale');
    assert.deepEqual(await recomputeEvents(db, id), [
      {
        actor: '工作日历变更后重新计算答复期限',
        before: { dueOn: '2026-12-29', dueProvisional: false },
        after: { dueOn: '2026-12-30', dueProvisional: false },
      },
    ]);

    // Run again for the same change: nothing left to change, no second event.
    const again = await recomputeDueDates({ db, clock }, { from: '2026-12-10', to: '2026-12-10' });
    assert.equal(again.changed, 0);
    assert.deepEqual(again.refused, []);
    assert.equal((await recomputeEvents(db, id)).length, 1);
  });
});

test(`loading the next year's holiday notice makes a provisional due date final (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const id = await registerInPerson(db, agencyId, '2026-12-18', 'in-person-2');
    // The weekday estimate for 2027, not yet loaded: 1 January counted.
    const before = await getCase(db.kysely, id);
    assert.deepEqual(
      { dueOn: before?.dueOn, provisional: before?.dueProvisional },
      { dueOn: '2027-01-15', provisional: true },
    );
    const saved = await saveCalendar({ db, clock }, admin, {
      years: [2027],
      source: '测试通知',
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    assert.ok(saved.ok);
    assert.deepEqual(await runJobs(db), ['done']);
    const after = await getCase(db.kysely, id);
    assert.deepEqual(
      { dueOn: after?.dueOn, provisional: after?.dueProvisional },
      { dueOn: '2027-01-18', provisional: false },
    );
    assert.equal((await recomputeEvents(db, id)).length, 1);
  });
});

test(`closed cases and cases due before the changed days are left alone (${testDialect})`, async () => {
  await withDb(async (db, agencyId) => {
    const closed = await db.kysely
      .selectFrom('requests')
      .select(['id', 'due_on'])
      .where('agency_id', '=', agencyId)
      .where('state', '=', 'closed')
      .execute();
    assert.ok(closed.length > 0, 'the demo has closed cases');
    const early = await registerInPerson(db, agencyId, '2026-11-02', 'in-person-3');
    const dueBefore = (await getCase(db.kysely, early))?.dueOn;
    assert.ok(dueBefore && dueBefore < '2026-12-10');
    const r = await recomputeDueDates({ db, clock }, { from: '2021-01-01', to: '2021-12-31' });
    assert.equal(r.changed, 0, 'no open case looks at 2021');
    const holiday = { date: '2026-12-10', kind: 'holiday', name: '测试假日' } as const;
    assert.ok((await correctDay({ db, clock }, admin, holiday)).ok);
    const moved = await recomputeDueDates({ db, clock }, { from: '2026-12-10', to: '2026-12-10' });
    assert.ok(moved.changed > 0, 'the open demo cases due after it moved');
    assert.equal((await getCase(db.kysely, early))?.dueOn, dueBefore);
    assert.deepEqual(await recomputeEvents(db, early), []);
    for (const c of closed) assert.deepEqual(await recomputeEvents(db, c.id), []);
  });
});
