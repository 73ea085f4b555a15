// The other records against the database: the demo's 2021 facts are the seed's, a second
// demo run resets rather than duplicates, and each command writes with its event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createRecord, deleteRecord, updateRecord } from './commands.js';
import { getRecord } from './repository.js';
import { workRecordsReportSource } from './report-source.js';
import { EMPTY_RECORD_FORM, recordInputSchema } from './work-record.js';

const actor = systemActor('测试');
const clock = fixedClock('2024-09-27T08:00:00.000Z');
const fast = { N: 2 ** 10, r: 8, p: 1 };

async function withDemo(fn: (db: TestDb, agencyId: string) => Promise<void>) {
  const db = await createTestDb();
  try {
    const demo = await seedDemo({ db, clock, passwordParams: fast });
    await fn(db, demo.agency.id);
  } finally {
    await db.destroy();
  }
}

const events = async (db: TestDb, action: string) =>
  (await db.kysely.selectFrom('audit_events').select('seq').where('action', '=', action).execute())
    .length;

test(`the demo's 2021 facts are the seed's (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const { facts } = await workRecordsReportSource.contribute({
      db: db.kysely,
      agencyId,
      year: 2021,
    });
    assert.deepEqual(
      facts?.openDays?.map((d) => d.title),
      ['创卫齐参与 成果同受益', '创城创卫 成果共享', '影视文化和社区建设'],
    );
    assert.ok(facts?.openDays?.every((d) => d.detail === '人大代表、政协委员和群众代表'));
    assert.deepEqual(facts?.deputySuggestions, { lead: 0, assisting: 2, closed: 2 });
    assert.deepEqual(facts?.cppccProposals, { lead: 0, assisting: 1, closed: 1 });
    assert.deepEqual(
      facts?.communityWork?.map((d) => d.title),
      ['星光岛社区政务公开体验区', '东岳路社区政务公开体验区', '星海滩路社区政务公开体验区'],
    );
    assert.deepEqual(facts?.trainings, []);
    const other = await workRecordsReportSource.contribute({ db: db.kysely, agencyId, year: 2022 });
    assert.deepEqual(other.facts?.openDays, []);
    assert.deepEqual(other.facts?.deputySuggestions, { lead: 0, assisting: 0, closed: 0 });
    // A second run resets them.
    await seedDemo({ db, clock, passwordParams: fast });
    const all = await db.kysely.selectFrom('work_records').select('id').execute();
    assert.equal(all.length, 9);
    assert.equal(await events(db, 'demo.work_record.refresh'), 9);
  });
});

test(`add, edit, delete: each with its event (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const deps = { db, clock };
    const input = recordInputSchema('training', '2024-09-27').parse({
      ...EMPTY_RECORD_FORM,
      occurredOn: '2024-06-12',
      title: '政府信息公开条例专题培训',
      participants: '42',
    });
    const made = await createRecord(deps, agencyId, 'training', input, actor);
    assert.ok(made.ok);
    assert.equal(made.value.participants, 42);
    const { facts } = await workRecordsReportSource.contribute({
      db: db.kysely,
      agencyId,
      year: 2024,
    });
    assert.deepEqual(facts?.trainings, [
      { date: '2024-06-12', title: '政府信息公开条例专题培训', detail: '42人参加' },
    ]);
    const changed = await updateRecord(deps, made.value.id, { ...input, participants: 45 }, actor);
    assert.ok(changed.ok);
    assert.equal((await getRecord(db.kysely, made.value.id))?.participants, 45);
    const event = await db.kysely
      .selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'work_record.update')
      .executeTakeFirstOrThrow();
    assert.match(JSON.stringify(event), /业务培训/);
    assert.ok((await deleteRecord(deps, made.value.id, actor)).ok);
    assert.equal(await getRecord(db.kysely, made.value.id), null);
    assert.deepEqual(await deleteRecord(deps, made.value.id, actor), {
      ok: false,
      errors: { _form: '该记录不存在' },
    });
    for (const a of ['work_record.create', 'work_record.update', 'work_record.delete'])
      assert.equal(await events(db, a), 1, a);
  });
});
