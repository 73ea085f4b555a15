// Use cases for staff accounts. Each writes its audit event in the same transaction;
// password hashes never enter the audit log.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import { mapUniqueViolation } from '../db/unique-violation.js';
import type { Account } from './account.js';
import { ACCOUNT_UNIQUE_KEYS, getAccountById, replaceRoles } from './account-repository.js';
import { hashPassword, type ScryptParams } from './password.js';
import { passwordProblem } from './password-rules.js';
import { toRoles, type Role } from './roles.js';

export interface Actor {
  id: string | null;
  label: string;
}

export interface ServiceDeps {
  db: { kysely: Kysely<Database> };
  clock: Clock;
}

export type AccountResult =
  { ok: true; account: Account } | { ok: false; errors: Record<string, string> };

function auditView(a: Account) {
  return {
    username: a.username,
    displayName: a.displayName,
    agencyId: a.agencyId,
    isActive: a.isActive,
    roles: a.roles,
  };
}

export const USERNAME_TAKEN = '该用户名已被使用，请换一个';

export interface NewAccount {
  agencyId: string;
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export async function createAccount(
  deps: ServiceDeps,
  input: NewAccount,
  actor: Actor,
  params?: ScryptParams,
): Promise<AccountResult> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) return { ok: false, errors: { password: problem } };
  // Hash outside the transaction: it is slow and needs no lock.
  const passwordHash = await hashPassword(input.password, params);
  const write = () =>
    deps.db.kysely.transaction().execute(async (trx): Promise<AccountResult> => {
      const agency = await trx
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', input.agencyId)
        .executeTakeFirst();
      if (!agency) return { ok: false, errors: { agencyId: '所选机关不存在' } };
      const now = deps.clock.now().toISOString();
      const id = randomUUID();
      await trx
        .insertInto('accounts')
        .values({
          id,
          agency_id: input.agencyId,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          is_active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await replaceRoles(trx, id, toRoles(input.roles));
      const account = (await getAccountById(trx, id)) as Account;
      await appendAuditEvent(
        trx,
        {
          agencyId: input.agencyId,
          actor,
          subjectType: 'account',
          subjectId: id,
          action: 'account.create',
          after: auditView(account),
        },
        deps.clock,
      );
      return { ok: true, account };
    });
  // The unique constraint decides whether the username is free, so that two simultaneous
  // requests for one name end the same way as two in a row; the transaction (account, roles
  // and audit event) has been rolled back by then.
  return mapUniqueViolation(ACCOUNT_UNIQUE_KEYS, write, () => ({
    ok: false,
    errors: { username: USERNAME_TAKEN },
  }));
}

export async function setAccountRoles(
  deps: ServiceDeps,
  accountId: string,
  roles: Role[],
  actor: Actor,
): Promise<AccountResult> {
  return deps.db.kysely.transaction().execute(async (trx): Promise<AccountResult> => {
    const before = await getAccountById(trx, accountId);
    if (!before) return { ok: false, errors: { _form: '该账号不存在' } };
    if (actor.id === accountId && before.roles.includes('admin') && !roles.includes('admin')) {
      return { ok: false, errors: { roles: '不能取消自己的系统管理员角色，请由其他管理员操作' } };
    }
    await replaceRoles(trx, accountId, toRoles(roles));
    await trx
      .updateTable('accounts')
      .set({ updated_at: deps.clock.now().toISOString() })
      .where('id', '=', accountId)
      .execute();
    const after = (await getAccountById(trx, accountId)) as Account;
    await appendAuditEvent(
      trx,
      {
        agencyId: before.agencyId,
        actor,
        subjectType: 'account',
        subjectId: accountId,
        action: 'account.roles',
        before: auditView(before),
        after: auditView(after),
      },
      deps.clock,
    );
    return { ok: true, account: after };
  });
}

/** Deactivates (or reactivates) an account; deactivation ends its sessions at once. */
export async function setAccountActive(
  deps: ServiceDeps,
  accountId: string,
  active: boolean,
  actor: Actor,
): Promise<AccountResult> {
  return deps.db.kysely.transaction().execute(async (trx): Promise<AccountResult> => {
    const before = await getAccountById(trx, accountId);
    if (!before) return { ok: false, errors: { _form: '该账号不存在' } };
    if (!active && actor.id === accountId)
      return { ok: false, errors: { _form: '不能停用自己的账号' } };
    await trx
      .updateTable('accounts')
      .set({ is_active: active ? 1 : 0, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', accountId)
      .execute();
    if (!active) await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    const after = (await getAccountById(trx, accountId)) as Account;
    await appendAuditEvent(
      trx,
      {
        agencyId: before.agencyId,
        actor,
        subjectType: 'account',
        subjectId: accountId,
        action: active ? 'account.activate' : 'account.deactivate',
        before: auditView(before),
        after: auditView(after),
      },
      deps.clock,
    );
    return { ok: true, account: after };
  });
}

/** Sets a new password (an admin's reset); the account's sessions end. */
export async function resetPassword(
  deps: ServiceDeps,
  accountId: string,
  password: string,
  actor: Actor,
  params?: ScryptParams,
): Promise<AccountResult> {
  const existing = await getAccountById(deps.db.kysely, accountId);
  if (!existing) return { ok: false, errors: { _form: '该账号不存在' } };
  const problem = passwordProblem(password, existing.username);
  if (problem) return { ok: false, errors: { password: problem } };
  const passwordHash = await hashPassword(password, params);
  return deps.db.kysely.transaction().execute(async (trx): Promise<AccountResult> => {
    await trx
      .updateTable('accounts')
      .set({ password_hash: passwordHash, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', accountId)
      .execute();
    await trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await appendAuditEvent(
      trx,
      {
        agencyId: existing.agencyId,
        actor,
        subjectType: 'account',
        subjectId: accountId,
        action: 'account.password_reset',
      },
      deps.clock,
    );
    return { ok: true, account: existing };
  });
}
