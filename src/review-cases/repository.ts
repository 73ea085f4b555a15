// SQL for review cases; rows become `ReviewCase` here and nowhere else. A case carries the
// tracking number of its request (joined), never anything else of the request.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import {
  KINDS,
  RESULTS,
  type ReviewCase,
  type ReviewKind,
  type ReviewResult,
} from './review-case.js';

type Q = Kysely<Database>;

const COLUMNS = [
  'review_cases.id',
  'review_cases.agency_id',
  'review_cases.request_id',
  'review_cases.kind',
  'review_cases.body',
  'review_cases.case_number',
  'review_cases.received_on',
  'review_cases.result',
  'review_cases.decided_on',
  'review_cases.decision_note',
  'review_cases.notes',
  'review_cases.created_at',
  'review_cases.updated_at',
  'review_cases.version',
  'requests.tracking_number',
  'review_cases.reconsideration_id',
] as const;

function base(db: Q) {
  return db
    .selectFrom('review_cases')
    .leftJoin('requests', 'requests.id', 'review_cases.request_id')
    .select(COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('review_cases as reconsideration')
        .select('reconsideration.case_number')
        .whereRef('reconsideration.id', '=', 'review_cases.reconsideration_id')
        .as('reconsideration_number'),
    );
}

type Joined = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function rowToCase(r: Joined): ReviewCase {
  return {
    id: r.id,
    agencyId: r.agency_id,
    requestId: r.request_id,
    trackingNumber: r.tracking_number ?? null,
    reconsiderationId: r.reconsideration_id,
    reconsiderationNumber: r.reconsideration_number ?? null,
    kind: (KINDS as readonly string[]).includes(r.kind)
      ? (r.kind as ReviewKind)
      : 'reconsideration',
    body: r.body,
    caseNumber: r.case_number,
    receivedOn: r.received_on,
    result: (RESULTS as readonly string[]).includes(r.result)
      ? (r.result as ReviewResult)
      : 'pending',
    decidedOn: r.decided_on,
    decisionNote: r.decision_note,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

export async function getCase(db: Q, id: string): Promise<ReviewCase | null> {
  const r = await base(db).where('review_cases.id', '=', id).executeTakeFirst();
  return r ? rowToCase(r) : null;
}

/** The agency's request with this tracking number: its id and received date, or null. */
export async function findRequest(
  db: Q,
  agencyId: string,
  trackingNumber: string,
): Promise<{ id: string; submittedOn: string } | null> {
  const r = await db
    .selectFrom('requests')
    .select(['id', 'submitted_on'])
    .where('agency_id', '=', agencyId)
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  return r ? { id: r.id, submittedOn: r.submitted_on } : null;
}

export const CASE_SORTS = ['receivedOn', 'kind', 'result', 'decidedOn'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
const SORT_COLUMN = {
  receivedOn: 'review_cases.received_on',
  kind: 'review_cases.kind',
  result: 'review_cases.result',
  decidedOn: 'review_cases.decided_on',
} as const satisfies Record<CaseSort, string>;

/** The agency's cases as a pageable query (see src/db/paginate.ts). */
export function casesQuery(
  db: Q,
  agencyId: string,
  opts: {
    kind?: ReviewKind;
    result?: ReviewResult;
    year?: number;
    sort: CaseSort;
    direction: 'asc' | 'desc';
  },
) {
  let q = base(db).where('review_cases.agency_id', '=', agencyId);
  if (opts.kind) q = q.where('review_cases.kind', '=', opts.kind);
  if (opts.result) q = q.where('review_cases.result', '=', opts.result);
  if (opts.year !== undefined) {
    // The cases the year's report counts (see columnInYear): received by its end and not
    // decided before it began.
    const first = `${opts.year}-01-01`;
    q = q
      .where('review_cases.received_on', '<=', `${opts.year}-12-31`)
      .where((eb) =>
        eb.or([
          eb('review_cases.decided_on', 'is', null),
          eb('review_cases.decided_on', '>=', first),
        ]),
      );
  }
  return q.orderBy(SORT_COLUMN[opts.sort], opts.direction).orderBy('review_cases.id');
}

/** The cases a year's table 四 counts, with only what the count needs. */
export async function casesForYear(db: Q, agencyId: string, year: number) {
  return db
    .selectFrom('review_cases')
    .select(['kind', 'received_on', 'result', 'decided_on'])
    .where('agency_id', '=', agencyId)
    .where('received_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>=', `${year}-01-01`)]))
    .execute();
}

export interface CaseDocument {
  fileId: string;
  filename: string;
  size: number;
  contentType: string;
  createdAt: string;
}

export async function listDocuments(db: Q, caseId: string): Promise<CaseDocument[]> {
  const rows = await db
    .selectFrom('review_case_documents')
    .innerJoin('files', 'files.id', 'review_case_documents.file_id')
    .select([
      'files.id',
      'files.filename',
      'files.size',
      'files.content_type',
      'review_case_documents.created_at',
    ])
    .where('review_case_documents.case_id', '=', caseId)
    .orderBy('review_case_documents.created_at')
    .orderBy('files.id')
    .execute();
  return rows.map((r) => ({
    fileId: r.id,
    filename: r.filename,
    size: Number(r.size),
    contentType: r.content_type,
    createdAt: r.created_at,
  }));
}

/** The agency's reconsiderations, newest first: what a lawsuit after reconsideration may follow. */
export async function listReconsiderations(db: Q, agencyId: string): Promise<ReviewCase[]> {
  const rows = await base(db)
    .where('review_cases.agency_id', '=', agencyId)
    .where('review_cases.kind', '=', 'reconsideration')
    .orderBy('review_cases.received_on', 'desc')
    .orderBy('review_cases.id')
    .execute();
  return rows.map(rowToCase);
}

/** The lawsuits brought after this reconsideration (the link seen from its side). */
export async function lawsuitsAfter(db: Q, reconsiderationId: string): Promise<ReviewCase[]> {
  const rows = await base(db)
    .where('review_cases.reconsideration_id', '=', reconsiderationId)
    .orderBy('review_cases.received_on')
    .orderBy('review_cases.id')
    .execute();
  return rows.map(rowToCase);
}

/** The review cases about a request, for its console page. */
export async function casesOfRequest(db: Q, requestId: string): Promise<ReviewCase[]> {
  const rows = await base(db)
    .where('review_cases.request_id', '=', requestId)
    .orderBy('review_cases.received_on')
    .orderBy('review_cases.id')
    .execute();
  return rows.map(rowToCase);
}
