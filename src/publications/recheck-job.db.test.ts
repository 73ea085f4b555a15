// The yearly re-check schedule on a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): a round for an agency whose year has come and none for one that
// already has this year's, never two however many runs, and each round with its audit event.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { bareAgencyRow } from '../../test/support/agencies.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { demoStaff, publishOneItem } from '../../test/support/published-items.js';
import { openDatabase, type Db } from '../db/database.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { createJobRunner } from '../jobs/job-runner.js';
import { createRecheck, type Staff } from './commands.js';
import {
  periodicRoundId,
  RECHECK_RECURRING,
  recheckJob,
  startPeriodicRechecks,
} from './recheck-job.js';
import { recheckPeriodOf } from './recheck-period.js';
import { listPublishedIds } from './repository.js';

const clock = fixedClock('2021-06-18T02:00:00.000Z');
const OTHER_ID = '00000000-0000-4000-8000-00000000a0b1';

test('a scheduled round’s id is fixed by agency and period', () => {
  assert.equal(periodicRoundId('a', '2022'), periodicRoundId('a', '2022'));
  assert.notEqual(periodicRoundId('a', '2022'), periodicRoundId('a', '2023'));
  assert.notEqual(periodicRoundId('a', '2022'), periodicRoundId('a', '2022-Q1'));
  assert.notEqual(periodicRoundId('a', '2022'), periodicRoundId('b', '2022'));
  assert.match(
    periodicRoundId('a', '2022-H1'),
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
});

/** The start of the yearly period `now` falls in. */
const yearSince = (now: Date) => recheckPeriodOf('yearly', now)?.since ?? '';

describe(`the yearly re-check schedule (${testDialect})`, () => {
  let db: TestDb;
  // Another connection pool, as a second instance would have (one connection on SQLite:
  // see job-runner.db.test.ts).
  let other: Db;
  let demo: DemoResult;
  let reviewer: Staff;
  const deps = () => ({ db, clock });

  before(async () => {
    db = await createTestDb();
    other = testDialect === 'postgres' ? openDatabase(db.url, { poolSize: 4 }) : db;
    demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    reviewer = demoStaff(demo, 'lsw-reviewer', ['reviewer']);
  });
  after(async () => {
    if (other !== db) await other.close();
    await db.destroy();
  });

  async function rounds(agencyId: string) {
    return db.kysely
      .selectFrom('publication_rechecks')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('created_at')
      .execute();
  }

  async function createEvents(roundId: string) {
    return db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'actor_label', 'agency_id', 'occurred_at'])
      .where('subject_type', '=', 'publication_recheck')
      .where('subject_id', '=', roundId)
      .execute();
  }

  /** A second agency with one published item, published by the demo's staff. */
  async function otherAgencyWithAnItem(): Promise<string> {
    await db.kysely
      .insertInto('agencies')
      .values(
        bareAgencyRow({
          id: OTHER_ID,
          slug: 'test-other',
          fullName: '测试市测试区某街道办事处',
          shortName: '某街道',
          code: '11370211D00000099X',
          at: clock.now().toISOString(),
        }),
      )
      .execute();
    await publishOneItem(deps(), demo, OTHER_ID);
    return OTHER_ID;
  }

  test('a round by hand this year means none is due; from 1 January (CST) the year’s round starts once, by the system', async () => {
    const agencyId = demo.agency.id;
    const manual = await createRecheck(deps(), reviewer, agencyId, '2021年上半年清查');
    assert.ok(manual.ok);

    clock.set('2021-12-31T15:59:59.000Z');
    const late = await startPeriodicRechecks(deps());
    assert.deepEqual(late, { started: [], alreadyStarted: 0 });
    assert.equal((await rounds(agencyId)).length, 1);

    // The job as serve runs it: the poller's first instance, then the next one an hour on.
    clock.set('2021-12-31T16:00:00.000Z');
    const runner = createJobRunner(
      { db, clock },
      { handlers: [recheckJob()], recurring: [RECHECK_RECURRING], log: () => {} },
    );
    await runner.ensureRecurring();
    const [first] = await runner.runOnce();
    assert.equal(first?.outcome, 'done');
    const published = await listPublishedIds(db.kysely, agencyId);
    assert.ok(published.length > 0);
    const roundId = periodicRoundId(agencyId, '2022');
    const jobRow = await db.kysely
      .selectFrom('jobs')
      .select('result_json')
      .where('id', '=', first.jobId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(jobRow.result_json ?? 'null'), {
      started: [{ agencyId, period: '2022', roundId, total: published.length }],
      alreadyStarted: 0,
    });
    // The parent agency publishes nothing: no round for it.
    assert.equal((await rounds(demo.parent.id)).length, 0);

    clock.advance(RECHECK_RECURRING.everyMs);
    const [second] = await runner.runOnce();
    assert.equal(second?.outcome, 'done');
    const all = await rounds(agencyId);
    assert.equal(all.length, 2);
    const round = all[1]!;
    assert.equal(round.id, roundId);
    assert.equal(round.title, '2022年度已公开信息清查');
    assert.equal(round.created_by_label, '系统（每年定期清查）');
    assert.equal(round.completed_at, null);
    assert.equal(round.created_at, '2021-12-31T16:00:00.000Z');
    const items = await db.kysely
      .selectFrom('publication_recheck_items')
      .select('publication_id')
      .where('recheck_id', '=', roundId)
      .execute();
    assert.deepEqual(items.map((i) => i.publication_id).sort(), [...published].sort());
    // The same event as a round started by hand, with the system as its actor.
    assert.deepEqual(await createEvents(roundId), [
      {
        action: 'publication.recheck.create',
        actor_id: null,
        actor_label: '系统（每年定期清查）',
        agency_id: agencyId,
        occurred_at: '2021-12-31T16:00:00.000Z',
      },
    ]);
  });

  test('due for one agency, not for another that has this year’s round; two runs at once start one', async () => {
    clock.set('2023-01-10T02:00:00.000Z');
    const otherId = await otherAgencyWithAnItem();
    const manual = await createRecheck(deps(), reviewer, otherId, '2023年专项清查');
    assert.ok(manual.ok);

    clock.set('2023-03-01T02:00:00.000Z');
    // Two instances' runs at the same moment, on separate connections on PostgreSQL.
    const [a, b] = await Promise.all([
      startPeriodicRechecks({ db, clock }),
      startPeriodicRechecks({ db: other, clock }),
    ]);
    assert.equal(a.started.length + b.started.length, 1);
    const started = [...a.started, ...b.started][0];
    assert.equal(started?.agencyId, demo.agency.id);
    assert.equal(started.roundId, periodicRoundId(demo.agency.id, '2023'));
    const since = yearSince(clock.now());
    const thisYear = (await rounds(demo.agency.id)).filter((r) => r.created_at >= since);
    assert.deepEqual(
      thisYear.map((r) => r.id),
      [started.roundId],
    );
    assert.equal((await createEvents(started.roundId)).length, 1);
    assert.deepEqual(
      (await rounds(otherId)).map((r) => r.title),
      ['2023年专项清查'],
    );
  });

  test('a round whose audit event cannot be written is not started', async () => {
    clock.set('2024-01-01T01:00:00.000Z');
    if (testDialect === 'postgres') {
      await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit refused'; END $$`.execute(db.kysely);
      await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(db.kysely);
    } else {
      await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit refused'); END`.execute(db.kysely);
    }
    await assert.rejects(startPeriodicRechecks(deps()), /audit refused/);
    const since = yearSince(clock.now());
    for (const agencyId of [demo.agency.id, OTHER_ID])
      assert.deepEqual(
        (await rounds(agencyId)).filter((r) => r.created_at >= since),
        [],
      );
    assert.equal(
      (
        await db.kysely
          .selectFrom('publication_recheck_items')
          .select('recheck_id')
          .where('recheck_id', '=', periodicRoundId(demo.agency.id, '2024'))
          .execute()
      ).length,
      0,
    );

    await sql`DROP TRIGGER refuse_audit${sql.raw(testDialect === 'postgres' ? ' ON audit_events' : '')}`.execute(
      db.kysely,
    );
    const run = await startPeriodicRechecks(deps());
    assert.deepEqual(run.started.map((s) => s.agencyId).sort(), [demo.agency.id, OTHER_ID].sort());
    for (const s of run.started) assert.equal((await createEvents(s.roundId)).length, 1);
  });
});
