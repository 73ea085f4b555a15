// SQL for staff accounts and their roles.
import type { Kysely } from 'kysely';
import type { AccountRow, Database } from '../db/schema.js';
import type { UniqueKey } from '../db/unique-violation.js';
import type { Account } from './account.js';
import { paginate, type Page } from '../db/paginate.js';
import { contains } from '../db/text-match.js';
import { toRoles, type Role } from './roles.js';

type Q = Kysely<Database>;

/** The unique columns of `accounts` that a form fills (see migration 0001). */
export const ACCOUNT_UNIQUE_KEYS = [
  { table: 'accounts', column: 'username', constraint: 'accounts_username_key', field: 'username' },
] as const satisfies readonly UniqueKey<string>[];

function toAccount(r: AccountRow, roles: string[]): Account {
  return {
    id: r.id,
    agencyId: r.agency_id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    isActive: Number(r.is_active) === 1,
    roles: toRoles(roles),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function rolesOf(db: Q, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('account_roles')
    .select(['account_id', 'role'])
    .where('account_id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.account_id, [...(out.get(r.account_id) ?? []), r.role]);
  return out;
}

export async function getAccountById(db: Q, id: string): Promise<Account | null> {
  const r = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return toAccount(r, (await rolesOf(db, [r.id])).get(r.id) ?? []);
}

/** The account row with its password hash, for sign-in only. */
export async function getAccountForSignIn(
  db: Q,
  username: string,
): Promise<(Account & { passwordHash: string }) | null> {
  const r = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!r) return null;
  return {
    ...toAccount(r, (await rolesOf(db, [r.id])).get(r.id) ?? []),
    passwordHash: r.password_hash,
  };
}

export interface AccountListQuery {
  /** The agencies whose accounts may be listed (the administrator's scope). */
  agencyIds: readonly string[];
  agencyId?: string | undefined;
  /** Part of the username or the name. */
  text?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  sort: 'username' | 'name';
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** One page of accounts within `agencyIds`, filtered and sorted, with their roles. */
export async function listAccounts(db: Q, q: AccountListQuery): Promise<Page<Account>> {
  if (q.agencyIds.length === 0)
    return { rows: [], total: 0, page: 1, pageCount: 1, pageSize: q.pageSize };
  let query = db
    .selectFrom('accounts')
    .selectAll()
    .where('agency_id', 'in', [...q.agencyIds]);
  if (q.agencyId) query = query.where('agency_id', '=', q.agencyId);
  if (q.active !== undefined) query = query.where('is_active', '=', q.active ? 1 : 0);
  if (q.text) {
    const text = q.text;
    query = query.where((eb) =>
      eb.or([contains('username', text), contains('display_name', text)]),
    );
  }
  if (q.role) {
    const role = q.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('account_roles')
          .select('account_roles.account_id')
          .whereRef('account_roles.account_id', '=', 'accounts.id')
          .where('account_roles.role', '=', role),
      ),
    );
  }
  const column = q.sort === 'name' ? 'display_name' : 'username';
  // The username breaks ties, so a page boundary never splits rows unpredictably.
  query = query.orderBy(column, q.direction).orderBy('username', 'asc');
  const page = await paginate(db, query, q);
  const roles = await rolesOf(
    db,
    page.rows.map((r) => r.id),
  );
  return { ...page, rows: page.rows.map((r) => toAccount(r, roles.get(r.id) ?? [])) };
}

export async function usernameTaken(db: Q, username: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst()) !== undefined
  );
}

export async function replaceRoles(
  db: Q,
  accountId: string,
  roles: readonly string[],
): Promise<void> {
  await db.deleteFrom('account_roles').where('account_id', '=', accountId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('account_roles')
      .values(roles.map((role) => ({ account_id: accountId, role })))
      .execute();
  }
}
