// Use cases for staff accounts. Each runs as one command (the change and its audit event
// commit together); password hashes never enter the audit log, and hashing, which is slow,
// happens before the transaction opens.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../commands/actor.js';
import {
  runCommand,
  type CommandContext,
  type ServiceDeps,
  type UniqueFields,
} from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { Account } from './account.js';
import { ACCOUNT_UNIQUE_KEYS, getAccountById, replaceRoles } from './account-repository.js';
import { hashPassword } from './password.js';
import { passwordProblem } from './password-rules.js';
import { toRoles, type Role } from './roles.js';

function auditView(a: Account) {
  return {
    username: a.username,
    displayName: a.displayName,
    email: a.email,
    agencyId: a.agencyId,
    isActive: a.isActive,
    roles: a.roles,
  };
}

export const USERNAME_TAKEN = '该用户名已被使用，请换一个';

/**
 * The unique constraint decides whether a username is free, so that two simultaneous
 * requests for one name end the same way as two in a row.
 */
export const ACCOUNT_UNIQUE: UniqueFields<(typeof ACCOUNT_UNIQUE_KEYS)[number]['field']> = {
  keys: ACCOUNT_UNIQUE_KEYS,
  taken: { username: USERNAME_TAKEN },
};

export interface NewAccount {
  agencyId: string;
  username: string;
  displayName: string;
  /** Optional: where the account's reminders go. */
  email?: string | null;
  password: string;
  roles: Role[];
}

/** A new account whose password has been checked and hashed. */
export interface HashedAccount extends Omit<NewAccount, 'password'> {
  passwordHash: string;
}

/** Checks the password against the rules and hashes it, outside any transaction. */
export async function hashNewPassword(
  deps: ServiceDeps,
  password: string,
  username: string,
): Promise<Result<string>> {
  const problem = passwordProblem(password, username);
  if (problem) return fail({ password: problem });
  return ok(await hashPassword(password, deps.passwordParams));
}

/** The change of createAccount, for commands that create an account among other things. */
export async function insertAccount(
  ctx: CommandContext,
  input: HashedAccount,
): Promise<Result<Account>> {
  const agency = await ctx.trx
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', input.agencyId)
    .executeTakeFirst();
  if (!agency) return fail({ agencyId: '所选机关不存在' });
  const now = ctx.now.toISOString();
  const id = randomUUID();
  await ctx.trx
    .insertInto('accounts')
    .values({
      id,
      agency_id: input.agencyId,
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      password_hash: input.passwordHash,
      is_active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceRoles(ctx.trx, id, toRoles(input.roles));
  const account = (await getAccountById(ctx.trx, id)) as Account;
  ctx.record({
    agencyId: input.agencyId,
    subjectType: 'account',
    subjectId: id,
    action: 'account.create',
    after: auditView(account),
  });
  return ok(account);
}

export async function createAccount(
  deps: ServiceDeps,
  input: NewAccount,
  actor: Actor,
): Promise<Result<Account>> {
  const hashed = await hashNewPassword(deps, input.password, input.username);
  if (!hashed.ok) return hashed;
  const account: HashedAccount = {
    agencyId: input.agencyId,
    username: input.username,
    displayName: input.displayName,
    email: input.email ?? null,
    roles: input.roles,
    passwordHash: hashed.value,
  };
  return runCommand(deps, actor, (ctx) => insertAccount(ctx, account), { unique: ACCOUNT_UNIQUE });
}

export function setAccountRoles(
  deps: ServiceDeps,
  accountId: string,
  roles: Role[],
  actor: Actor,
): Promise<Result<Account>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getAccountById(ctx.trx, accountId);
    if (!before) return fail({ _form: '该账号不存在' });
    if (actor.id === accountId && before.roles.includes('admin') && !roles.includes('admin')) {
      return fail({ roles: '不能取消自己的系统管理员角色，请由其他管理员操作' });
    }
    await replaceRoles(ctx.trx, accountId, toRoles(roles));
    await ctx.trx
      .updateTable('accounts')
      .set({ updated_at: ctx.now.toISOString() })
      .where('id', '=', accountId)
      .execute();
    const after = (await getAccountById(ctx.trx, accountId)) as Account;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'account',
      subjectId: accountId,
      action: 'account.roles',
      before: auditView(before),
      after: auditView(after),
    });
    return ok(after);
  });
}

/** Sets (or clears, with null) the account's e-mail address. */
export function setAccountEmail(
  deps: ServiceDeps,
  accountId: string,
  email: string | null,
  actor: Actor,
): Promise<Result<Account>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getAccountById(ctx.trx, accountId);
    if (!before) return fail({ _form: '该账号不存在' });
    await ctx.trx
      .updateTable('accounts')
      .set({ email, updated_at: ctx.now.toISOString() })
      .where('id', '=', accountId)
      .execute();
    const after = (await getAccountById(ctx.trx, accountId)) as Account;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'account',
      subjectId: accountId,
      action: 'account.email',
      before: auditView(before),
      after: auditView(after),
    });
    return ok(after);
  });
}

/** Deactivates (or reactivates) an account; deactivation ends its sessions at once. */
export function setAccountActive(
  deps: ServiceDeps,
  accountId: string,
  active: boolean,
  actor: Actor,
): Promise<Result<Account>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getAccountById(ctx.trx, accountId);
    if (!before) return fail({ _form: '该账号不存在' });
    if (!active && actor.id === accountId) return fail({ _form: '不能停用自己的账号' });
    await ctx.trx
      .updateTable('accounts')
      .set({ is_active: active ? 1 : 0, updated_at: ctx.now.toISOString() })
      .where('id', '=', accountId)
      .execute();
    if (!active) await ctx.trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    const after = (await getAccountById(ctx.trx, accountId)) as Account;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'account',
      subjectId: accountId,
      action: active ? 'account.activate' : 'account.deactivate',
      before: auditView(before),
      after: auditView(after),
    });
    return ok(after);
  });
}

/** Sets a new password (an admin's reset); the account's sessions end. */
export async function resetPassword(
  deps: ServiceDeps,
  accountId: string,
  password: string,
  actor: Actor,
): Promise<Result<Account>> {
  const existing = await getAccountById(deps.db.kysely, accountId);
  if (!existing) return fail({ _form: '该账号不存在' });
  const hashed = await hashNewPassword(deps, password, existing.username);
  if (!hashed.ok) return hashed;
  return runCommand(deps, actor, async (ctx) => {
    await ctx.trx
      .updateTable('accounts')
      .set({ password_hash: hashed.value, updated_at: ctx.now.toISOString() })
      .where('id', '=', accountId)
      .execute();
    await ctx.trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    ctx.record({
      agencyId: existing.agencyId,
      subjectType: 'account',
      subjectId: accountId,
      action: 'account.password_reset',
    });
    return ok(existing);
  });
}
