// The bulk 「继续公开」 of a re-check round on a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): one transaction for all the chosen items with one audit event each,
// all or nothing, at most a hundred, two submissions at once never deciding an entry twice,
// and the round completed by the submission that decides its last entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { PERMISSIONS, type Permission } from '../auth/policy.js';
import type { Role } from '../auth/roles.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { createRecheck, decideRecheck, keepRecheckEntries, type Staff } from './commands.js';
import { MAX_BULK_KEEP } from './recheck-outcome.js';
import { getRecheck, listRecheckEntries, recheckOutcomeCounts } from './repository.js';

const clock = fixedClock('2021-06-18T02:00:00.000Z');

function staffOf(demo: DemoResult, username: string, roles: Role[]): Staff {
  return {
    actor: { id: demo.accounts[username] ?? null, label: username },
    holds: (p: Permission) => roles.some((r) => (PERMISSIONS[p] as readonly string[]).includes(r)),
  };
}

describe(`bulk keep in a re-check round on ${testDialect}`, () => {
  let db: TestDb;
  let demo: DemoResult;
  let reviewer: Staff;
  const deps = () => ({ db, clock });

  before(async () => {
    db = await createTestDb();
    demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
    reviewer = staffOf(demo, 'lsw-reviewer', ['reviewer']);
  });
  after(() => db.destroy());

  async function newRound(title: string) {
    const round = await createRecheck(deps(), reviewer, demo.agency.id, title);
    assert.ok(round.ok);
    const entries = await db.kysely
      .selectFrom('publication_recheck_items')
      .select('publication_id')
      .where('recheck_id', '=', round.value.id)
      .orderBy('publication_id')
      .execute();
    return { id: round.value.id, ids: entries.map((e) => e.publication_id) };
  }

  const keepEvents = (roundId: string) =>
    db.kysely
      .selectFrom('audit_events')
      .select(['after_json', 'occurred_at'])
      .where('subject_id', '=', roundId)
      .where('action', '=', 'publication.recheck.keep')
      .execute();

  const decidedIds = async (roundId: string) =>
    (
      await db.kysely
        .selectFrom('publication_recheck_items')
        .select('publication_id')
        .where('recheck_id', '=', roundId)
        .where('decision', 'is not', null)
        .execute()
    ).map((r) => r.publication_id);

  test('the chosen items are kept together, each with its own audit event written with it', async () => {
    const round = await newRound('批量清查');
    const chosen = round.ids.slice(0, 5);
    const r = await keepRecheckEntries(deps(), reviewer, round.id, chosen, '内容仍然有效');
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.value, { kept: 5, completed: false });
    assert.deepEqual((await decidedIds(round.id)).sort(), [...chosen].sort());
    const events = await keepEvents(round.id);
    assert.equal(events.length, 5);
    const rows = await db.kysely
      .selectFrom('publication_recheck_items')
      .selectAll()
      .where('recheck_id', '=', round.id)
      .where('publication_id', 'in', chosen)
      .execute();
    for (const row of rows) {
      assert.equal(row.decision, 'kept');
      assert.equal(row.opinion, '内容仍然有效');
      assert.equal(row.decided_by_label, 'lsw-reviewer');
    }
    // Written at the same instant as the findings: the same command, the same transaction.
    assert.ok(events.every((e) => e.occurred_at === rows[0]?.decided_at));
    const titles = events.map((e) => (JSON.parse(e.after_json ?? '{}') as { title: string }).title);
    assert.equal(new Set(titles).size, 5);
    const counts = await recheckOutcomeCounts(db.kysely, round.id);
    assert.equal(counts.kept, 5);
    assert.equal(counts.pending, round.ids.length - 5);
  });

  test('one chosen item already decided, or not in the round, keeps nothing and says which', async () => {
    const round = await newRound('全有或全无');
    const [done, a, b] = round.ids;
    assert.ok(done && a && b);
    assert.ok((await decideRecheck(deps(), reviewer, round.id, done, 'kept', '已核查')).ok);
    const title = (await listRecheckEntries(db.kysely, round.id, {
      direction: 'asc',
      page: 1,
      pageSize: 500,
    }).then((p) => p.rows.find((e) => e.publication.id === done)))!.publication.title;
    const before = (await keepEvents(round.id)).length;

    const decided = await keepRecheckEntries(deps(), reviewer, round.id, [a, done, b], '仍有效');
    assert.equal(decided.ok, false);
    assert.match(
      decided.ok ? '' : (decided.errors.items ?? ''),
      new RegExp(`“${title}”.*已有结论`),
    );
    const outside = await keepRecheckEntries(
      deps(),
      reviewer,
      round.id,
      [a, '00000000-0000-4000-8000-000000000000'],
      '仍有效',
    );
    assert.equal(outside.ok, false);
    assert.match(outside.ok ? '' : (outside.errors.items ?? ''), /1 条不在本次清查范围内/);

    assert.deepEqual(await decidedIds(round.id), [done]);
    assert.equal((await keepEvents(round.id)).length, before);
  });

  test('none chosen, or more than a hundred, is refused before anything is read', async () => {
    const round = await newRound('数量限制');
    const none = await keepRecheckEntries(deps(), reviewer, round.id, [], '仍有效');
    assert.equal(none.ok ? '' : none.errors.items, '请勾选要继续公开的信息');
    const many = Array.from(
      { length: MAX_BULK_KEEP + 1 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const over = await keepRecheckEntries(deps(), reviewer, round.id, many, '仍有效');
    assert.match(
      over.ok ? '' : (over.errors.items ?? ''),
      /一次最多勾选 100 条信息，您勾选了 101 条/,
    );
    // The same item twice counts once.
    const first = round.ids[0] ?? '';
    const twice = await keepRecheckEntries(deps(), reviewer, round.id, [first, first], '仍有效');
    assert.ok(twice.ok);
    assert.equal(twice.value.kept, 1);
    assert.equal((await keepEvents(round.id)).length, 1);
  });

  test('a role without the permission keeps nothing', async () => {
    const round = await newRound('越权批量');
    const publisher = staffOf(demo, 'lsw-publisher', ['publisher']);
    const r = await keepRecheckEntries(
      deps(),
      publisher,
      round.id,
      round.ids.slice(0, 2),
      '仍有效',
    );
    assert.equal(r.ok, false);
    assert.deepEqual(await decidedIds(round.id), []);
  });

  test('two submissions at once over the same items: one keeps them, the other keeps nothing', async () => {
    const round = await newRound('并发批量');
    const left = round.ids.slice(0, 4);
    const right = round.ids.slice(2, 6);
    const results = await Promise.all([
      keepRecheckEntries(deps(), reviewer, round.id, left, '甲'),
      keepRecheckEntries(deps(), reviewer, round.id, right, '乙'),
    ]);
    assert.equal(results.filter((r) => r.ok).length, 1);
    const winner = results[0]?.ok ? left : right;
    assert.deepEqual((await decidedIds(round.id)).sort(), [...winner].sort());
    assert.equal((await keepEvents(round.id)).length, 4);
  });

  test('two single findings at once on one entry: one is written, the other refused', async () => {
    const round = await newRound('并发单条');
    const id = round.ids[0] ?? '';
    const results = await Promise.all([
      decideRecheck(deps(), reviewer, round.id, id, 'kept', '甲'),
      decideRecheck(deps(), reviewer, round.id, id, 'kept', '乙'),
    ]);
    assert.equal(results.filter((r) => r.ok).length, 1);
    const refused = results.find((r) => !r.ok);
    assert.match(refused && !refused.ok ? (refused.errors._form ?? '') : '', /已有结论/);
    assert.deepEqual(await decidedIds(round.id), [id]);
    assert.equal((await keepEvents(round.id)).length, 1);
  });

  test('the submission that decides the last entries completes the round', async () => {
    const round = await newRound('批量完成');
    let completed = false;
    for (let i = 0; i < round.ids.length; i += MAX_BULK_KEEP) {
      assert.equal(completed, false);
      const r = await keepRecheckEntries(
        deps(),
        reviewer,
        round.id,
        round.ids.slice(i, i + MAX_BULK_KEEP),
        '仍有效',
      );
      assert.ok(r.ok);
      completed = r.value.completed;
    }
    assert.equal(completed, true);
    const after = await getRecheck(db.kysely, round.id);
    assert.equal(after?.decided, round.ids.length);
    assert.equal(after?.completedAt, clock.now().toISOString());
    assert.equal((await keepEvents(round.id)).length, round.ids.length);
  });
});
