// SQL for the new-media registry; rows become `NewMediaAccount` here and nowhere else.
import type { Kysely } from 'kysely';
import type { Database, NewMediaAccountRow } from '../db/schema.js';
import {
  PLATFORMS,
  type AccountInput,
  type AccountStatus,
  type NewMediaAccount,
  type Platform,
} from './new-media.js';

type Q = Kysely<Database>;

export function rowToAccount(r: NewMediaAccountRow): NewMediaAccount {
  return {
    id: r.id,
    agencyId: r.agency_id,
    platform: (PLATFORMS as readonly string[]).includes(r.platform)
      ? (r.platform as Platform)
      : 'other',
    platformOther: r.platform_other,
    name: r.name,
    operator: r.operator,
    openedOn: r.opened_on,
    status: r.status === 'closed' ? 'closed' : 'active',
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function inputToColumns(input: AccountInput) {
  return {
    platform: input.platform,
    platform_other: input.platformOther,
    name: input.name,
    operator: input.operator,
    opened_on: input.openedOn,
  };
}

export async function getAccount(db: Q, id: string): Promise<NewMediaAccount | null> {
  const r = await db
    .selectFrom('new_media_accounts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? rowToAccount(r) : null;
}

export const ACCOUNT_SORTS = ['openedOn', 'platform', 'name', 'status'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];
const SORT_COLUMN = {
  openedOn: 'opened_on',
  platform: 'platform',
  name: 'name',
  status: 'status',
} as const satisfies Record<AccountSort, keyof NewMediaAccountRow>;

/** The agency's accounts as a pageable query (see src/db/paginate.ts). */
export function accountsQuery(
  db: Q,
  agencyId: string,
  opts: { status?: AccountStatus; sort: AccountSort; direction: 'asc' | 'desc' },
) {
  let q = db.selectFrom('new_media_accounts').selectAll().where('agency_id', '=', agencyId);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.orderBy(SORT_COLUMN[opts.sort], opts.direction).orderBy('id');
}

/** The operating accounts, by platform then name (the public list and the guide). */
export async function listActiveAccounts(db: Q, agencyId: string): Promise<NewMediaAccount[]> {
  const rows = await db
    .selectFrom('new_media_accounts')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'active')
    .orderBy('platform')
    .orderBy('name')
    .execute();
  return rows.map(rowToAccount);
}

/** Every account of the agency, for the yearly counts. */
export async function listAllAccounts(db: Q, agencyId: string): Promise<NewMediaAccount[]> {
  const rows = await db
    .selectFrom('new_media_accounts')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('opened_on')
    .execute();
  return rows.map(rowToAccount);
}
