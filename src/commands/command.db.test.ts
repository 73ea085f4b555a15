// runCommand: the change and its audit events commit together or not at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { AGENCY_UNIQUE_KEYS } from '../agencies/agency-repository.js';
import { fixedClock } from '../db/time.js';
import { systemActor } from './actor.js';
import { runCommand, type CommandContext } from './command.js';
import { fail, ok } from './result.js';

const clock = fixedClock('2024-09-27T08:00:00.000Z');
const actor = systemActor('测试');

async function withDb(fn: (db: TestDb) => Promise<void>): Promise<void> {
  const db = await createTestDb();
  try {
    await fn(db);
  } finally {
    await db.destroy();
  }
}

/** A change that writes one calendar day and records one event about it. */
async function writeDay(ctx: CommandContext, date: string): Promise<void> {
  await ctx.trx
    .insertInto('calendar_days')
    .values({
      date,
      kind: 'holiday',
      name: '测试',
      updated_at: ctx.now.toISOString(),
    })
    .execute();
  ctx.record({
    agencyId: null,
    subjectType: 'calendar_day',
    subjectId: date,
    action: 'calendar.day.correct',
    after: { date },
  });
}

const counts = async (db: TestDb, date: string) => ({
  days: (
    await db.kysely.selectFrom('calendar_days').select('date').where('date', '=', date).execute()
  ).length,
  events: (
    await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('subject_id', '=', date)
      .execute()
  ).length,
});

test(`a change that succeeds commits with its audit event, by its actor (${testDialect})`, async () => {
  await withDb(async (db) => {
    const result = await runCommand({ db, clock }, actor, async (ctx) => {
      await writeDay(ctx, '2031-01-02');
      return ok('done');
    });
    assert.deepEqual(result, { ok: true, value: 'done' });
    assert.deepEqual(await counts(db, '2031-01-02'), { days: 1, events: 1 });
    const event = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', '2031-01-02')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_label, '测试');
    assert.equal(event.occurred_at, '2024-09-27T08:00:00.000Z');
  });
});

test(`a change that returns field errors leaves neither the change nor its event (${testDialect})`, async () => {
  await withDb(async (db) => {
    const result = await runCommand({ db, clock }, actor, async (ctx) => {
      await writeDay(ctx, '2031-01-03');
      return fail({ date: '日期有误' });
    });
    assert.deepEqual(result, { ok: false, errors: { date: '日期有误' } });
    assert.deepEqual(await counts(db, '2031-01-03'), { days: 0, events: 0 });
  });
});

test(`a change that throws leaves nothing and the error reaches the caller (${testDialect})`, async () => {
  await withDb(async (db) => {
    await assert.rejects(
      runCommand({ db, clock }, actor, async (ctx) => {
        await writeDay(ctx, '2031-01-04');
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(await counts(db, '2031-01-04'), { days: 0, events: 0 });
  });
});

test(`an audit event that cannot be written takes the change with it (${testDialect})`, async () => {
  await withDb(async (db) => {
    await assert.rejects(
      runCommand({ db, clock }, actor, async (ctx) => {
        await writeDay(ctx, '2031-01-05');
        // A subject id the audit table refuses (NOT NULL) fails the append, after the change.
        ctx.record({
          agencyId: null,
          subjectType: 'x',
          subjectId: null as unknown as string,
          action: 'x',
        });
        return ok(null);
      }),
    );
    assert.deepEqual(await counts(db, '2031-01-05'), { days: 0, events: 0 });
  });
});

/** A change that inserts an agency with `slug` and records its creation. */
const insertAgency = (id: string, slug: string) => async (ctx: CommandContext) => {
  await ctx.trx
    .insertInto('agencies')
    .values({
      id,
      parent_id: null,
      slug,
      full_name: '测试机关',
      short_name: '测试',
      code: '11100000000013338W',
      level: 'county',
      kind: 'government',
      created_at: ctx.now.toISOString(),
      updated_at: ctx.now.toISOString(),
    })
    .execute();
  ctx.record({ agencyId: id, subjectType: 'agency', subjectId: id, action: 'agency.create' });
  return ok(id);
};

const slugTaken = {
  keys: AGENCY_UNIQUE_KEYS,
  taken: { slug: '该网址标识已被使用' },
};

test(`a unique value already taken becomes the declared field error, and nothing of the change remains (${testDialect})`, async () => {
  await withDb(async (db) => {
    const first = await runCommand({ db, clock }, actor, insertAgency('a1', 'same'), {
      unique: slugTaken,
    });
    assert.deepEqual(first, { ok: true, value: 'a1' });
    const second = await runCommand({ db, clock }, actor, insertAgency('a2', 'same'), {
      unique: slugTaken,
    });
    assert.deepEqual(second, { ok: false, errors: { slug: '该网址标识已被使用' } });
    const events = await db.kysely
      .selectFrom('audit_events')
      .select('subject_id')
      .where('action', '=', 'agency.create')
      .execute();
    assert.deepEqual(
      events.map((e) => e.subject_id),
      ['a1'],
    );
    // Without the option the driver's error reaches the caller.
    await assert.rejects(runCommand({ db, clock }, actor, insertAgency('a3', 'same')));
    // A primary-key clash is no form field's business: it is rethrown even with the option.
    await assert.rejects(
      runCommand({ db, clock }, actor, insertAgency('a1', 'other'), { unique: slugTaken }),
    );
  });
});
