// SQL for assisted requests (协查); rows become `AssistedRequest` here and nowhere else.
import type { Kysely } from 'kysely';
import type { AssistedRequestRow, Database } from '../db/schema.js';
import type { AssistedRequest } from './assisted.js';

type Q = Kysely<Database>;

export function rowToAssisted(r: AssistedRequestRow): AssistedRequest {
  return {
    id: r.id,
    agencyId: r.agency_id,
    requestingAgencyId: r.requesting_agency_id,
    requestingAgencyName: r.requesting_agency_name,
    receivedOn: r.received_on,
    subject: r.subject,
    theirReference: r.their_reference,
    answeredOn: r.answered_on,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getAssisted(db: Q, id: string): Promise<AssistedRequest | null> {
  const r = await db
    .selectFrom('assisted_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? rowToAssisted(r) : null;
}

export const ASSISTED_SORTS = ['receivedOn', 'requestingAgency', 'answeredOn'] as const;
export type AssistedSort = (typeof ASSISTED_SORTS)[number];
const SORT_COLUMN = {
  receivedOn: 'received_on',
  requestingAgency: 'requesting_agency_name',
  answeredOn: 'answered_on',
} as const satisfies Record<AssistedSort, keyof AssistedRequestRow>;

/** The agency's assisted requests as a pageable query (see src/db/paginate.ts). */
export function assistedQuery(
  db: Q,
  agencyId: string,
  opts: {
    year?: number;
    status?: 'pending' | 'answered';
    sort: AssistedSort;
    direction: 'asc' | 'desc';
  },
) {
  let q = db.selectFrom('assisted_requests').selectAll().where('agency_id', '=', agencyId);
  if (opts.year !== undefined)
    q = q
      .where('received_on', '>=', `${opts.year}-01-01`)
      .where('received_on', '<=', `${opts.year}-12-31`);
  if (opts.status === 'pending') q = q.where('answered_on', 'is', null);
  if (opts.status === 'answered') q = q.where('answered_on', 'is not', null);
  return q.orderBy(SORT_COLUMN[opts.sort], opts.direction).orderBy('id');
}
