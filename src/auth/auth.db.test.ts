import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { StaffSession } from '../web/env.js';
import { getAccountById, getAccountForSignIn } from './account-repository.js';
import {
  createAccount,
  resetPassword,
  setAccountActive,
  setAccountRoles,
} from './account-service.js';
import { verifyPassword, type ScryptParams } from './password.js';
import { agencyScope, canAccessAgency } from './policy.js';
import { createSession, hashToken, loadSession } from './sessions.js';

const fast: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const actor = { id: null, label: '测试' };

test(`sessions: stored by token hash, idle and absolute expiry, deactivated accounts (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const demo = await seedDemo({ db, clock, passwordParams: fast });
    const accountId = demo.accounts['lsw-head'] ?? '';
    const s = await createSession(db.kysely, accountId, demo.agency.id, clock.now());
    const row = await db.kysely
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    assert.equal(row.id, hashToken(s.token));
    assert.notEqual(row.id, s.token);
    assert.equal(row.expires_at, '2024-09-27T20:00:00.000Z');

    const loaded = await loadSession(db.kysely, s.token, clock.now(), 30);
    assert.equal(loaded?.staff.username, 'lsw-head');
    assert.deepEqual(loaded?.staff.roles, ['office_head']);
    assert.equal(loaded?.staff.currentAgencyId, demo.agency.id);
    assert.equal(loaded?.csrfToken, s.csrfToken);
    assert.equal(await loadSession(db.kysely, 'x'.repeat(43), clock.now(), 30), null);

    clock.advance(30 * 60_000);
    assert.equal(
      await loadSession(db.kysely, s.token, clock.now(), 30),
      null,
      'idle for 30 minutes',
    );
    assert.equal(
      await db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', row.id)
        .executeTakeFirst(),
      undefined,
      'deleted',
    );

    const s2 = await createSession(db.kysely, accountId, demo.agency.id, clock.now());
    await setAccountActive({ db, clock }, accountId, false, actor);
    assert.equal(await loadSession(db.kysely, s2.token, clock.now(), 30), null, 'deactivated');
  } finally {
    await db.destroy();
  }
});

test(`account service: create, roles, reset password, each audited in the agency chain (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const demo = await seedDemo({ db, clock, passwordParams: fast });
    const deps = { db, clock, passwordParams: fast };
    const created = await createAccount(
      deps,
      {
        agencyId: demo.agency.id,
        username: 'wang.wu',
        displayName: '王五',
        password: 'first-pass-1',
        roles: ['publisher', 'handler'],
      },
      actor,
    );
    assert.ok(created.ok);
    assert.deepEqual(created.value.roles, ['handler', 'publisher']);
    const roles = await setAccountRoles(deps, created.value.id, ['reviewer'], actor);
    assert.ok(roles.ok);
    assert.deepEqual((await getAccountById(db.kysely, created.value.id))?.roles, ['reviewer']);
    const reset = await resetPassword(deps, created.value.id, 'second-pass-2', actor);
    assert.ok(reset.ok);
    const stored = await getAccountForSignIn(db.kysely, 'WANG.WU');
    assert.equal(await verifyPassword('second-pass-2', stored?.passwordHash ?? ''), true);
    assert.equal(await verifyPassword('first-pass-1', stored?.passwordHash ?? ''), false);
    const actions = await db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', created.value.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['account.create', 'account.roles', 'account.password_reset'],
    );
    assert.equal((await verifyAuditChain(db.kysely, demo.agency.id)).ok, true);
    const bad = await createAccount(
      deps,
      {
        agencyId: 'missing',
        username: 'zhao.liu',
        displayName: '赵六',
        password: 'good-pass-1',
        roles: ['handler'],
      },
      actor,
    );
    assert.deepEqual(bad, { ok: false, errors: { agencyId: '所选机关不存在' } });
  } finally {
    await db.destroy();
  }
});

test(`policy: own agency for staff, subtree reads for supervisors, subtree writes for admins (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const clock = fixedClock('2024-09-27T08:00:00.000Z');
    const demo = await seedDemo({ db, clock, passwordParams: fast });
    const staff = (agencyId: string, roles: string[]): StaffSession => ({
      sessionId: 's',
      accountId: 'a',
      username: 'u',
      displayName: 'd',
      agencyId,
      currentAgencyId: agencyId,
      roles,
    });
    const P = demo.parent.id;
    const A = demo.agency.id;
    const cases: [string, string, string[], string, 'read' | 'write', boolean][] = [
      ['handler reads own', A, ['handler'], A, 'read', true],
      ['handler writes own', A, ['handler'], A, 'write', true],
      ['handler cannot read parent', A, ['handler'], P, 'read', false],
      ['parent handler cannot read child', P, ['handler'], A, 'read', false],
      ['supervisor reads child', P, ['supervisor'], A, 'read', true],
      ['supervisor cannot write child', P, ['supervisor'], A, 'write', false],
      ['child supervisor cannot read parent', A, ['supervisor'], P, 'read', false],
      ['admin writes child', P, ['admin'], A, 'write', true],
      ['child admin cannot write parent', A, ['admin'], P, 'write', false],
    ];
    for (const [name, own, roles, target, mode, expected] of cases) {
      const scope = await agencyScope(db.kysely, staff(own, roles));
      assert.equal(canAccessAgency(scope, target, mode), expected, name);
    }
  } finally {
    await db.destroy();
  }
});
