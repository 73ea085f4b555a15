// The registry: registering and closing write the account and one event together; a close
// that is refused (twice, before opening, in the future) changes nothing; the yearly
// counts over the demo registry are the seed's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { accountInputSchema, countsForYear } from './new-media.js';
import { getAccount, listActiveAccounts, listAllAccounts } from './new-media-repository.js';
import { closeAccount, registerAccount } from './new-media-service.js';

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

test(`the demo registry gives the seed's 2021 figures (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const y = countsForYear(await listAllAccounts(db.kysely, agencyId), 2021);
    assert.deepEqual(y.total, { activeAtYearEnd: 2, openedInYear: 0, closedInYear: 4 });
    assert.equal(y.byPlatform.find((p) => p.platform === 'wechat')?.closedInYear, 3);
    assert.equal(y.byPlatform.find((p) => p.platform === 'weibo')?.closedInYear, 1);
    assert.deepEqual(
      (await listActiveAccounts(db.kysely, agencyId)).map((a) => a.name).sort(),
      ['卫 您好', '美丽灵山卫'].sort(),
    );
  });
});

test(`registering and closing an account, each with its event; refused closes change nothing (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    const deps = { db, clock };
    const input = accountInputSchema.parse({
      platform: 'douyin',
      platformOther: '',
      name: '灵山卫发布',
      operator: '灵山卫街道办事处',
      openedOn: '2023-05-01',
    });
    const future = await registerAccount(
      deps,
      agencyId,
      { ...input, openedOn: '2030-01-01' },
      actor,
    );
    assert.ok(!future.ok);
    assert.equal(future.errors.openedOn, '开通日期不能晚于今天');
    const r = await registerAccount(deps, agencyId, input, actor);
    assert.ok(r.ok);
    assert.equal(await events(db, 'new_media.register'), 1);

    const early = await closeAccount(
      deps,
      r.value.id,
      { closedOn: '2022-01-01', reason: '停止运营' },
      actor,
    );
    assert.ok(!early.ok);
    assert.match(early.errors.closedOn ?? '', /不能早于开通日期/);
    assert.equal((await getAccount(db.kysely, r.value.id))?.status, 'active');

    const closed = await closeAccount(
      deps,
      r.value.id,
      { closedOn: '2024-09-01', reason: '整合至区级账号' },
      actor,
    );
    assert.ok(closed.ok);
    assert.equal(closed.value.status, 'closed');
    assert.equal(closed.value.closeReason, '整合至区级账号');
    const again = await closeAccount(
      deps,
      r.value.id,
      { closedOn: '2024-09-02', reason: '再次关停' },
      actor,
    );
    assert.ok(!again.ok);
    assert.equal((await getAccount(db.kysely, r.value.id))?.closedOn, '2024-09-01');
    assert.equal(await events(db, 'new_media.close'), 1);
  });
});

test(`seeding the demo twice leaves six accounts, not twelve (${testDialect})`, async () => {
  await withDemo(async (db, agencyId) => {
    await seedDemo({ db, clock, passwordParams: fast });
    assert.equal((await listAllAccounts(db.kysely, agencyId)).length, 6);
  });
});
