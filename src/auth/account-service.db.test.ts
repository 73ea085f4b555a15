// Account use cases as commands: a change that is refused leaves neither the change nor an
// audit event behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { actorOf } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { getAccountById } from './account-repository.js';
import { createAccount, setAccountActive, setAccountRoles } from './account-service.js';

const clock = fixedClock('2024-09-27T08:00:00.000Z');
const fast = { N: 2 ** 10, r: 8, p: 1 };

const accountEvents = async (db: TestDb) =>
  (
    await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'account')
      .where('action', 'like', 'account.%')
      .execute()
  ).map((e) => e.action);

test(`refused account changes leave accounts as they were and record nothing (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = { db, clock, passwordParams: fast };
    const demo = await seedDemo(deps);
    const adminId = demo.accounts['lsw-admin'] ?? '';
    const admin = actorOf({ accountId: adminId, displayName: '管理员', username: 'lsw-admin' });

    const demote = await setAccountRoles(deps, adminId, ['handler'], admin);
    assert.deepEqual(demote, {
      ok: false,
      errors: { roles: '不能取消自己的系统管理员角色，请由其他管理员操作' },
    });
    assert.deepEqual((await getAccountById(db.kysely, adminId))?.roles, ['admin']);

    const off = await setAccountActive(deps, adminId, false, admin);
    assert.deepEqual(off, { ok: false, errors: { _form: '不能停用自己的账号' } });
    assert.equal((await getAccountById(db.kysely, adminId))?.isActive, true);

    const base = {
      agencyId: demo.agency.id,
      username: 'zhao.liu',
      displayName: '赵六',
      roles: ['handler' as const],
    };
    const weak = await createAccount(deps, { ...base, password: 'short' }, admin);
    assert.ok(!weak.ok && weak.errors.password);
    const lost = await createAccount(
      deps,
      { ...base, agencyId: 'no-such-agency', password: 'a-good-pass-1' },
      admin,
    );
    assert.deepEqual(lost, { ok: false, errors: { agencyId: '所选机关不存在' } });
    const row = await db.kysely
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'zhao.liu')
      .executeTakeFirst();
    assert.equal(row, undefined);
    assert.deepEqual(await accountEvents(db), []);

    const made = await createAccount(deps, { ...base, password: 'a-good-pass-1' }, admin);
    assert.ok(made.ok);
    assert.deepEqual(await accountEvents(db), ['account.create']);
  } finally {
    await db.destroy();
  }
});
