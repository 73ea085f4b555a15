// Each agency's own rhythm of scheduled re-checks on a real database (SQLite, or PostgreSQL
// with TEST_DATABASE_URL): a quarterly agency gets one round in each quarter and only one,
// a yearly one a round a year as before, a 不定期 one none; a round by hand in the period
// counts; a change of rhythm is a command with its audit event, or nothing at all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { insertAgencyRow } from '../../test/support/agencies.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { demoStaff, publishOneItem } from '../../test/support/published-items.js';
import { openDatabase, type Db } from '../db/database.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import {
  changeRecheckRhythm,
  createRecheck,
  RECHECK_RHYTHM_SUBJECT,
  RHYTHM_CHANGED,
  type Staff,
} from './commands.js';
import { periodicRoundId, startPeriodicRechecks } from './recheck-job.js';
import type { RecheckRhythm } from './recheck-period.js';
import { getRecheckRhythm } from './repository.js';

const clock = fixedClock('2024-12-20T02:00:00.000Z');

/** 00:00 CST on `date` (YYYY-MM-DD), and the moments around it the schedule runs at. */
const cst = (date: string, time = '00:00:00') => new Date(`${date}T${time}+08:00`).toISOString();

describe(`each agency's re-check rhythm (${testDialect})`, () => {
  let db: TestDb;
  // Another connection pool, as a second instance would have (one connection on SQLite).
  let other: Db;
  let demo: DemoResult;
  let reviewer: Staff;
  const deps = () => ({ db, clock });
  /** The three agencies under test, each with a published item. */
  let quarterly: string;
  let yearly: string;
  let irregular: string;

  before(async () => {
    db = await createTestDb();
    other = testDialect === 'postgres' ? openDatabase(db.url, { poolSize: 4 }) : db;
    demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    reviewer = demoStaff(demo, 'lsw-reviewer', ['reviewer']);
    quarterly = demo.agency.id;
    yearly = await insertAgencyRow(db.kysely, clock.now());
    irregular = await insertAgencyRow(db.kysely, clock.now());
    for (const id of [yearly, irregular]) await publishOneItem(deps(), demo, id);
  });
  after(async () => {
    if (other !== db) await other.close();
    await db.destroy();
  });

  async function rounds(agencyId: string) {
    return db.kysely
      .selectFrom('publication_rechecks')
      .select(['id', 'title', 'created_by_label', 'created_at'])
      .where('agency_id', '=', agencyId)
      .orderBy('created_at')
      .execute();
  }

  async function rhythmEvents(agencyId: string) {
    const rows = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'agency_id', 'before_json', 'after_json'])
      .where('subject_type', '=', RECHECK_RHYTHM_SUBJECT)
      .where('subject_id', '=', agencyId)
      .orderBy('occurred_at')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      ...r,
      before_json: JSON.parse(r.before_json ?? 'null') as unknown,
      after_json: JSON.parse(r.after_json ?? 'null') as unknown,
    }));
  }

  const choose = (agencyId: string, rhythm: RecheckRhythm) =>
    changeRecheckRhythm(deps(), reviewer, agencyId, rhythm);

  test('an agency that has not chosen is yearly; choosing is refused without the permission', async () => {
    for (const id of [quarterly, yearly, irregular])
      assert.equal(await getRecheckRhythm(db.kysely, id), 'yearly');
    const handler = demoStaff(demo, 'lsw-handler', ['handler']);
    const refused = await changeRecheckRhythm(deps(), handler, quarterly, 'quarterly');
    assert.deepEqual(refused, { ok: false, errors: { _form: '只有保密审查员可以设置清查周期' } });
    assert.equal(await getRecheckRhythm(db.kysely, quarterly), 'yearly');
    assert.deepEqual(await rhythmEvents(quarterly), []);
  });

  test('a change of rhythm whose audit event cannot be written changes nothing', async () => {
    if (testDialect === 'postgres') {
      await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit refused'; END $$`.execute(db.kysely);
      await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(db.kysely);
    } else {
      await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit refused'); END`.execute(db.kysely);
    }
    await assert.rejects(choose(quarterly, 'quarterly'), /audit refused/);
    await sql`DROP TRIGGER refuse_audit${sql.raw(testDialect === 'postgres' ? ' ON audit_events' : '')}`.execute(
      db.kysely,
    );
    if (testDialect === 'postgres') await sql`DROP FUNCTION refuse_audit()`.execute(db.kysely);
    assert.equal(await getRecheckRhythm(db.kysely, quarterly), 'yearly');
  });

  test('a reviewer’s choice is stored with its event (before and after, in words); the same choice again records nothing', async () => {
    const r = await choose(quarterly, 'quarterly');
    assert.deepEqual(r, { ok: true, value: { rhythm: 'quarterly', changed: true } });
    assert.ok((await choose(irregular, 'irregular')).ok);
    assert.equal(await getRecheckRhythm(db.kysely, quarterly), 'quarterly');
    assert.equal(await getRecheckRhythm(db.kysely, irregular), 'irregular');
    assert.equal(await getRecheckRhythm(db.kysely, yearly), 'yearly');
    const expected = {
      action: 'publication.recheck.rhythm',
      actor_id: demo.accounts['lsw-reviewer'],
      agency_id: quarterly,
      before_json: { rhythm: '每年' },
      after_json: { rhythm: '每季度' },
    };
    assert.deepEqual(await rhythmEvents(quarterly), [expected]);

    const again = await choose(quarterly, 'quarterly');
    assert.deepEqual(again, { ok: true, value: { rhythm: 'quarterly', changed: false } });
    assert.deepEqual(await rhythmEvents(quarterly), [expected]);
  });

  test('over a year and a quarter: a round in each quarter for the quarterly agency, once a year for the yearly one, none for 不定期', async () => {
    // The schedule runs at each quarter's first hour, again later that day and mid-quarter.
    const runs = [
      ['2025-01-01', '00:00:00'],
      ['2025-01-01', '01:00:00'],
      ['2025-02-15', '10:00:00'],
      ['2025-03-31', '23:59:59'],
      ['2025-04-01', '00:00:00'],
      ['2025-05-20', '09:00:00'],
      ['2025-07-01', '00:30:00'],
      ['2025-08-01', '00:30:00'],
      ['2025-10-01', '00:00:00'],
      ['2025-12-31', '23:00:00'],
      ['2026-01-01', '00:00:00'],
      ['2026-01-01', '02:00:00'],
    ] as const;
    const started: { agencyId: string; period: string }[] = [];
    for (const [date, time] of runs) {
      clock.set(cst(date, time));
      // Two instances' runs at the same moment, on separate connections on PostgreSQL.
      const [a, b] = await Promise.all([
        startPeriodicRechecks({ db, clock }),
        startPeriodicRechecks({ db: other, clock }),
      ]);
      for (const s of [...a.started, ...b.started])
        started.push({ agencyId: s.agencyId, period: s.period });
    }
    const of = (agencyId: string) =>
      started.filter((s) => s.agencyId === agencyId).map((s) => s.period);
    assert.deepEqual(of(quarterly), ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    assert.deepEqual(of(yearly), ['2025', '2026']);
    assert.deepEqual(of(irregular), []);

    const q = (await rounds(quarterly)).filter((r) => r.created_at >= cst('2025-01-01'));
    assert.deepEqual(
      q.map((r) => [r.id, r.title, r.created_by_label, r.created_at]),
      [
        ['2025-Q1', '2025年第一季度已公开信息清查', cst('2025-01-01')],
        ['2025-Q2', '2025年第二季度已公开信息清查', cst('2025-04-01')],
        ['2025-Q3', '2025年第三季度已公开信息清查', cst('2025-07-01', '00:30:00')],
        ['2025-Q4', '2025年第四季度已公开信息清查', cst('2025-10-01')],
        ['2026-Q1', '2026年第一季度已公开信息清查', cst('2026-01-01')],
      ].map(([key, title, at]) => [
        periodicRoundId(quarterly, key ?? ''),
        title,
        '系统（每季度定期清查）',
        at,
      ]),
    );
    assert.deepEqual(
      (await rounds(yearly)).map((r) => [r.id, r.title, r.created_by_label]),
      [
        [periodicRoundId(yearly, '2025'), '2025年度已公开信息清查', '系统（每年定期清查）'],
        [periodicRoundId(yearly, '2026'), '2026年度已公开信息清查', '系统（每年定期清查）'],
      ],
    );
    assert.deepEqual(await rounds(irregular), []);
    // Each round with its one creation event.
    const events = await db.kysely
      .selectFrom('audit_events')
      .select(['subject_id'])
      .where('action', '=', 'publication.recheck.create')
      .where('occurred_at', '>=', cst('2025-01-01'))
      .execute();
    assert.equal(events.length, 7);
    assert.equal(new Set(events.map((e) => e.subject_id)).size, 7);
  });

  test('a round by hand in the quarter counts; a 不定期 agency is started by hand only', async () => {
    clock.set(cst('2026-04-02', '09:00:00'));
    assert.ok((await createRecheck(deps(), reviewer, quarterly, '2026年二季度专项清查')).ok);
    assert.ok((await createRecheck(deps(), reviewer, irregular, '不定期清查')).ok);
    clock.set(cst('2026-05-02', '09:00:00'));
    const run = await startPeriodicRechecks(deps());
    assert.deepEqual(run.started, []);
    const since = cst('2026-04-01');
    const titles = async (id: string) =>
      (await rounds(id)).filter((r) => r.created_at >= since).map((r) => r.title);
    assert.deepEqual(await titles(quarterly), ['2026年二季度专项清查']);
    assert.deepEqual(await titles(irregular), ['不定期清查']);
    assert.deepEqual(await titles(yearly), []);
  });

  test('a rhythm changed after the schedule read it starts no round of the old rhythm; the next run follows the new one', async () => {
    clock.set(cst('2026-05-03', '09:00:00'));
    // The yearly agency turns half-yearly while a run that read it as yearly is under way.
    assert.ok((await choose(yearly, 'half_yearly')).ok);
    const stale = await createRecheck(deps(), reviewer, yearly, '2026年度已公开信息清查', {
      id: periodicRoundId(yearly, '2026-H1'),
      rhythm: 'yearly',
      since: cst('2026-01-01'),
    });
    assert.deepEqual(stale, { ok: false, errors: { _form: RHYTHM_CHANGED } });
    // Its 2026 round was started on 1 January, inside the first half too: none is due now,
    assert.deepEqual((await startPeriodicRechecks(deps())).started, []);
    // and the second half's starts on 1 July.
    clock.set(cst('2026-07-01', '00:00:00'));
    const july = await startPeriodicRechecks(deps());
    assert.deepEqual(
      july.started.map((s) => [s.agencyId, s.period]).sort(),
      [
        [quarterly, '2026-Q3'],
        [yearly, '2026-H2'],
      ].sort(),
    );
    const last = (await rounds(yearly)).at(-1);
    assert.equal(last?.title, '2026年下半年已公开信息清查');
    assert.equal(last?.created_by_label, '系统（每半年定期清查）');
  });
});
