import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { scheduleJob } from '../jobs/job-queue.js';
import { createJobRunner } from '../jobs/job-runner.js';
import {
  CALENDAR_CHANGED,
  calendarChangedJob,
  type CalendarChange,
  type CalendarDependent,
} from './calendar-changed.js';
import { correctDay, saveCalendar } from './calendar-service.js';

const clock = fixedClock('2026-11-20T02:00:00.000Z');
const admin = { id: null, label: '测试管理员' };

describe(`calendar.changed (${testDialect})`, () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(() => db.destroy());
  beforeEach(async () => {
    await db.kysely.deleteFrom('jobs').execute();
  });

  const changes = async () =>
    (
      await db.kysely
        .selectFrom('jobs')
        .select(['type', 'payload_json', 'status'])
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((j) => ({ type: j.type, status: j.status, payload: JSON.parse(j.payload_json) }));

  test('every calendar write schedules a recomputation of the days it touched', async () => {
    await saveCalendar({ db, clock }, admin, {
      years: [2028, 2029],
      source: '测试',
      days: [
        { date: '2027-12-31', kind: 'holiday', name: '元旦' },
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2029-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
    clock.advance(1000); // the jobs are listed in the order they were scheduled
    await correctDay({ db, clock }, admin, { date: '2029-10-08', kind: 'workday', name: null });
    assert.deepEqual(await changes(), [
      {
        type: CALENDAR_CHANGED,
        status: 'pending',
        payload: { from: '2027-12-31', to: '2029-12-31' },
      },
      {
        type: CALENDAR_CHANGED,
        status: 'pending',
        payload: { from: '2029-10-08', to: '2029-10-08' },
      },
    ]);
  });

  test('a calendar write that fails schedules nothing', async () => {
    await db.kysely.schema.alterTable('audit_heads').renameTo('audit_heads_away').execute();
    try {
      await assert.rejects(
        correctDay({ db, clock }, admin, { date: '2029-03-01', kind: 'holiday', name: '测试' }),
      );
    } finally {
      await db.kysely.schema.alterTable('audit_heads_away').renameTo('audit_heads').execute();
    }
    assert.deepEqual(await changes(), []);
  });

  test('the job runs every dependent with the change and records what each did', async () => {
    const seen: [string, CalendarChange][] = [];
    const dependent = (name: string, result: unknown): CalendarDependent => ({
      name,
      recompute: async (change) => {
        seen.push([name, change]);
        return result;
      },
    });
    const runner = createJobRunner(
      { db, clock },
      {
        handlers: [
          calendarChangedJob([
            dependent('requests.due_dates', { recomputed: 3 }),
            dependent('x', undefined),
          ]),
        ],
        log: () => {},
      },
    );
    await correctDay({ db, clock }, admin, { date: '2029-05-06', kind: 'workday', name: null });
    assert.deepEqual(
      (await runner.runOnce()).map((r) => r.outcome),
      ['done'],
    );
    const change = { from: '2029-05-06', to: '2029-05-06' };
    assert.deepEqual(seen, [
      ['requests.due_dates', change],
      ['x', change],
    ]);
    const row = await db.kysely.selectFrom('jobs').select('result_json').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.result_json!), {
      ...change,
      dependents: [
        { name: 'requests.due_dates', result: { recomputed: 3 } },
        { name: 'x', result: null },
      ],
    });
  });

  test('with no dependents the job completes and says so; a failing dependent is retried, named', async () => {
    const none = createJobRunner(
      { db, clock },
      { handlers: [calendarChangedJob([])], log: () => {} },
    );
    await scheduleJob(
      db.kysely,
      { type: CALENDAR_CHANGED, payload: { from: '2029-01-01', to: '2029-01-02' } },
      clock,
    );
    await none.runOnce();
    assert.deepEqual(
      JSON.parse(
        (await db.kysely.selectFrom('jobs').select('result_json').executeTakeFirstOrThrow())
          .result_json!,
      ),
      { from: '2029-01-01', to: '2029-01-02', dependents: [] },
    );
    await db.kysely.deleteFrom('jobs').execute();

    const failing = createJobRunner(
      { db, clock },
      {
        handlers: [
          calendarChangedJob([
            {
              name: 'requests.due_dates',
              recompute: async () => Promise.reject(new Error('数据库忙')),
            },
          ]),
        ],
        log: () => {},
      },
    );
    await scheduleJob(
      db.kysely,
      { type: CALENDAR_CHANGED, payload: { from: '2029-01-01', to: '2029-01-01' } },
      clock,
    );
    assert.deepEqual(
      (await failing.runOnce()).map((r) => r.outcome),
      ['retry'],
    );
    const row = await db.kysely
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'pending', last_error: 'requests.due_dates：数据库忙' });
  });

  test('a malformed change is refused without retrying', async () => {
    const runner = createJobRunner(
      { db, clock },
      { handlers: [calendarChangedJob([])], log: () => {} },
    );
    await scheduleJob(
      db.kysely,
      { type: CALENDAR_CHANGED, payload: { from: '2029-02-30', to: '2029-01-01' } },
      clock,
    );
    assert.deepEqual(
      (await runner.runOnce()).map((r) => r.outcome),
      ['failed'],
    );
  });
});
