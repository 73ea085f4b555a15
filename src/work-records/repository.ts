// SQL for the other records of the annual report; rows become `WorkRecord` here and
// nowhere else.
import type { Kysely } from 'kysely';
import type { Database, WorkRecordRow } from '../db/schema.js';
import {
  KINDS,
  ROLES,
  type HandlingRole,
  type RecordInput,
  type WorkRecord,
  type WorkRecordKind,
} from './work-record.js';

type Q = Kysely<Database>;

export function rowToRecord(r: WorkRecordRow): WorkRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    kind: (KINDS as readonly string[]).includes(r.kind) ? (r.kind as WorkRecordKind) : 'community',
    occurredOn: r.occurred_on,
    title: r.title,
    detail: r.detail,
    reference: r.reference,
    role: (ROLES as readonly string[]).includes(r.role ?? '') ? (r.role as HandlingRole) : null,
    closed: r.closed === null ? null : Number(r.closed) === 1,
    participants: r.participants === null ? null : Number(r.participants),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function inputToColumns(input: RecordInput) {
  return {
    occurred_on: input.occurredOn,
    title: input.title,
    detail: input.detail,
    reference: input.reference,
    role: input.role,
    closed: input.closed === null ? null : input.closed ? 1 : 0,
    participants: input.participants,
  };
}

export async function getRecord(db: Q, id: string): Promise<WorkRecord | null> {
  const r = await db.selectFrom('work_records').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToRecord(r) : null;
}

export const RECORD_SORTS = ['occurredOn', 'title'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
const SORT_COLUMN = { occurredOn: 'occurred_on', title: 'title' } as const;

/** The agency's records of a kind as a pageable query (see src/db/paginate.ts). */
export function recordsQuery(
  db: Q,
  agencyId: string,
  kind: WorkRecordKind,
  opts: { year?: number; sort: RecordSort; direction: 'asc' | 'desc' },
) {
  let q = db
    .selectFrom('work_records')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind);
  if (opts.year !== undefined)
    q = q
      .where('occurred_on', '>=', `${opts.year}-01-01`)
      .where('occurred_on', '<=', `${opts.year}-12-31`);
  return q.orderBy(SORT_COLUMN[opts.sort], opts.direction).orderBy('id');
}

/** Every record of the agency dated in `year`, oldest first. */
export async function recordsOfYear(db: Q, agencyId: string, year: number): Promise<WorkRecord[]> {
  const rows = await db
    .selectFrom('work_records')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('occurred_on', '>=', `${year}-01-01`)
    .where('occurred_on', '<=', `${year}-12-31`)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map(rowToRecord);
}
