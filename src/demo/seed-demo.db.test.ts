import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { getAccountForSignIn } from '../auth/account-repository.js';
import { verifyPassword } from '../auth/password.js';
import { fixedClock } from '../db/time.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';
import { seedDemo } from './seed-demo.js';

test(`demo data: the seed's agency under its parent, one account per role, idempotent (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const params = { N: 2 ** 10, r: 8, p: 1 };
    const first = await seedDemo({ db, clock, passwordParams: params });
    assert.equal(first.agency.fullName, '灵山卫街道办事处');
    assert.equal(first.agency.shortName, '灵山卫街道');
    assert.equal(first.agency.parentId, first.parent.id);
    assert.equal(first.parent.fullName, '青岛市黄岛区人民政府');
    assert.deepEqual(
      [
        first.agency.office.name,
        first.agency.office.address,
        first.agency.office.phone,
        first.agency.office.fax,
        first.agency.office.email,
      ],
      ['综合办公室', '青岛市西海岸新区灵岩路77号', '0532-83185761', null, null],
    );
    const roles = new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles));
    assert.deepEqual([...roles].sort(), [
      'admin',
      'handler',
      'office_head',
      'publisher',
      'reviewer',
      'supervisor',
    ]);
    const hd = await getAccountForSignIn(db.kysely, 'hd-supervisor');
    assert.equal(hd?.agencyId, first.parent.id);
    assert.deepEqual(hd?.roles, ['supervisor']);

    // Tamper with the demo, then refresh: the same rows come back to their demo values.
    await db.kysely
      .updateTable('agencies')
      .set({ office_phone: '0000' })
      .where('id', '=', first.agency.id)
      .execute();
    await db.kysely
      .updateTable('accounts')
      .set({ is_active: 0 })
      .where('username', '=', 'lsw-handler')
      .execute();
    await db.kysely
      .deleteFrom('account_roles')
      .where('account_id', '=', first.accounts['lsw-handler'] ?? '')
      .execute();
    const second = await seedDemo({ db, clock, passwordParams: params });
    assert.equal(second.agency.id, first.agency.id);
    assert.deepEqual(second.accounts, first.accounts);
    assert.equal(second.agency.office.phone, '0532-83185761');
    const handler = await getAccountForSignIn(db.kysely, 'lsw-handler');
    assert.equal(handler?.isActive, true);
    assert.deepEqual(handler?.roles, ['handler']);
    assert.equal(await verifyPassword(DEMO_PASSWORD, handler?.passwordHash ?? ''), true);
    const counts = await db.kysely
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(counts.n), DEMO_ACCOUNTS.length);
    assert.equal((await verifyAuditChain(db.kysely, first.agency.id)).ok, true);
    assert.equal((await verifyAuditChain(db.kysely, first.parent.id)).ok, true);
  } finally {
    await db.destroy();
  }
});
