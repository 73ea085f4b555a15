// SQL for request cases; rows become the types of request.ts here and nowhere else. The
// applicant's personal data is read by its own functions only, so a page that does not call
// them cannot show it.
import { sql, type Kysely } from 'kysely';
import type { Database, RequestApplicantRow, RequestRow } from '../db/schema.js';
import type { Application, DeliveryForm, DeliveryMethod } from './application.js';
import type { ApplicantCategory, CaseState, ReceiptChannel } from './case.js';
import type { IdType } from './identity.js';
import { maskIdNumber, maskName } from './identity.js';
import type {
  ApplicantRecord,
  RequestCase,
  RequestEvent,
  RequestFile,
  WorkListRow,
} from './request.js';

type Q = Kysely<Database>;

export function rowToCase(r: RequestRow): RequestCase {
  return {
    id: r.id,
    agencyId: r.agency_id,
    trackingNumber: r.tracking_number,
    state: r.state as CaseState,
    channel: r.channel as ReceiptChannel,
    category: r.category as ApplicantCategory,
    submittedOn: r.submitted_on,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueProvisional: Number(r.due_provisional) === 1,
    extended: Number(r.extended) === 1,
    deliveryForm: r.delivery_form as DeliveryForm,
    deliveryMethod: r.delivery_method as DeliveryMethod,
    acceptOtherMeans: Number(r.accept_other_means) === 1,
    closure: r.closure,
    outcome: r.outcome,
    closedOn: r.closed_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

function rowToApplicant(r: RequestApplicantRow): ApplicantRecord {
  return {
    name: r.name,
    idType: r.id_type as IdType | null,
    idNumber: r.id_number,
    creditCode: r.credit_code,
    legalRepresentative: r.legal_representative,
    contactName: r.contact_name,
    phone: r.phone,
    address: r.address,
    email: r.email,
  };
}

export interface NewCase {
  id: string;
  agencyId: string;
  trackingNumber: string;
  accessCodeHash: string;
  state: CaseState;
  channel: ReceiptChannel;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  closure?: string | null;
  outcome?: string | null;
  closedOn?: string | null;
  now: string;
}

/** Writes a case, its applicant and its items (one application). */
export async function insertCase(db: Q, c: NewCase, app: Application): Promise<void> {
  await db
    .insertInto('requests')
    .values({
      id: c.id,
      agency_id: c.agencyId,
      tracking_number: c.trackingNumber,
      access_code_hash: c.accessCodeHash,
      state: c.state,
      channel: c.channel,
      category: app.applicant.category,
      submitted_on: c.submittedOn,
      received_on: c.receivedOn,
      due_on: c.dueOn,
      due_provisional: c.dueProvisional ? 1 : 0,
      delivery_form: app.delivery.form,
      delivery_method: app.delivery.method,
      accept_other_means: app.delivery.acceptOther ? 1 : 0,
      closure: c.closure ?? null,
      outcome: c.outcome ?? null,
      closed_on: c.closedOn ?? null,
      created_at: c.now,
      updated_at: c.now,
    })
    .execute();
  const a = app.applicant;
  await db
    .insertInto('request_applicants')
    .values({
      request_id: c.id,
      name: a.name,
      id_type: a.idType,
      id_number: a.idNumber,
      credit_code: a.creditCode,
      legal_representative: a.legalRepresentative,
      contact_name: a.contactName,
      phone: a.phone,
      address: a.address,
      email: a.email,
    })
    .execute();
  await db
    .insertInto('request_items')
    .values(
      app.items.map((item, i) => ({
        request_id: c.id,
        position: i + 1,
        title: item.title,
        document_number: item.documentNumber,
        description: item.description,
      })),
    )
    .execute();
}

export async function getCase(db: Q, id: string): Promise<RequestCase | null> {
  const r = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToCase(r) : null;
}

/** The case of a tracking number with its code's hash (for the tracking check only). */
export async function findByTrackingNumber(
  db: Q,
  trackingNumber: string,
): Promise<{ case: RequestCase; accessCodeHash: string } | null> {
  const r = await db
    .selectFrom('requests')
    .selectAll()
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  return r ? { case: rowToCase(r), accessCodeHash: r.access_code_hash } : null;
}

/** The applicant's personal data. Callers show it only to staff handling the case. */
export async function getApplicant(db: Q, requestId: string): Promise<ApplicantRecord | null> {
  const r = await db
    .selectFrom('request_applicants')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return r ? rowToApplicant(r) : null;
}

export async function listItems(db: Q, requestId: string) {
  const rows = await db
    .selectFrom('request_items')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    position: Number(r.position),
    title: r.title,
    documentNumber: r.document_number,
    description: r.description,
  }));
}

export async function listEvents(db: Q, requestId: string): Promise<RequestEvent[]> {
  const rows = await db
    .selectFrom('request_events')
    .select(['seq', 'type', 'on_date', 'at', 'data'])
    .where('request_id', '=', requestId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    type: r.type,
    onDate: r.on_date,
    at: r.at,
    data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
  }));
}

/** The events of several cases (a page of the work list), each case's in order. */
export async function listEventsOfCases(
  db: Q,
  requestIds: readonly string[],
): Promise<Map<string, RequestEvent[]>> {
  const byCase = new Map<string, RequestEvent[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('request_events')
    .select(['request_id', 'seq', 'type', 'on_date', 'at'])
    .where('request_id', 'in', requestIds)
    .orderBy('request_id')
    .orderBy('seq')
    .execute();
  for (const r of rows)
    byCase
      .get(r.request_id)
      ?.push({ seq: Number(r.seq), type: r.type, onDate: r.on_date, at: r.at, data: null });
  return byCase;
}

/** Appends a clock event (received, corrected, …) after the case's last one. */
export async function appendEvent(
  db: Q,
  e: {
    requestId: string;
    type: string;
    onDate: string;
    at: string;
    actorId: string | null;
    data?: unknown;
  },
): Promise<void> {
  const last = await db
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', e.requestId)
    .executeTakeFirst();
  await db
    .insertInto('request_events')
    .values({
      request_id: e.requestId,
      seq: Number(last?.seq ?? 0) + 1,
      type: e.type,
      on_date: e.onDate,
      at: e.at,
      actor_id: e.actorId,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

export async function listFiles(db: Q, requestId: string): Promise<RequestFile[]> {
  const rows = await db
    .selectFrom('request_files')
    .innerJoin('files', 'files.id', 'request_files.file_id')
    .select([
      'request_files.file_id',
      'request_files.purpose',
      'files.filename',
      'files.content_type',
      'files.size',
    ])
    .where('request_files.request_id', '=', requestId)
    .orderBy('request_files.created_at')
    .execute();
  return rows.map((r) => ({
    fileId: r.file_id,
    purpose: r.purpose,
    filename: r.filename,
    contentType: r.content_type,
    size: Number(r.size),
  }));
}

export async function linkFile(
  db: Q,
  f: { requestId: string; fileId: string; purpose: string; now: string },
): Promise<void> {
  await db
    .insertInto('request_files')
    .values({ request_id: f.requestId, file_id: f.fileId, purpose: f.purpose, created_at: f.now })
    .execute();
}

export async function findIdempotency(db: Q, agencyId: string, keyHash: string) {
  return db
    .selectFrom('request_idempotency')
    .innerJoin('requests', 'requests.id', 'request_idempotency.request_id')
    .select([
      'request_idempotency.body_hash',
      'request_idempotency.sealed_code',
      'requests.id',
      'requests.tracking_number',
    ])
    .where('request_idempotency.agency_id', '=', agencyId)
    .where('request_idempotency.key', '=', keyHash)
    .executeTakeFirst();
}

export async function insertIdempotency(
  db: Q,
  r: {
    agencyId: string;
    keyHash: string;
    bodyHash: string;
    requestId: string;
    sealedCode: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('request_idempotency')
    .values({
      agency_id: r.agencyId,
      key: r.keyHash,
      body_hash: r.bodyHash,
      request_id: r.requestId,
      sealed_code: r.sealedCode,
      created_at: r.now,
    })
    .execute();
}

/** Moves a case on, if it is still at `version` (optimistic concurrency): false when not. */
export async function updateCase(
  db: Q,
  id: string,
  version: number,
  set: Partial<
    Pick<
      RequestRow,
      | 'state'
      | 'received_on'
      | 'due_on'
      | 'due_provisional'
      | 'extended'
      | 'outcome'
      | 'closure'
      | 'closed_on'
    >
  >,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('requests')
    .set({ ...set, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Stores a recomputed due date. It is a cache of what the case's events and the calendar
 * say (decision 0016), not a change to the case: the version stays, so a form a handler
 * has open on the case is not made stale by a calendar correction.
 */
export async function setCachedDue(
  db: Q,
  id: string,
  due: { dueOn: string | null; provisional: boolean },
  now: string,
): Promise<void> {
  await db
    .updateTable('requests')
    .set({ due_on: due.dueOn, due_provisional: due.provisional ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Open, received cases whose clock may look at a day in `change`: received on or before
 * its end, and due on or after its start (or with no due date running, awaiting a
 * correction). A day after the due date cannot move it; a day before receipt is not counted.
 */
export async function candidatesForCalendarChange(
  db: Q,
  change: { from: string; to: string },
): Promise<{ id: string; trackingNumber: string }[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'tracking_number'])
    .where('state', '!=', 'closed')
    .where('received_on', 'is not', null)
    .where('received_on', '<=', change.to)
    .where((eb) => eb.or([eb('due_on', 'is', null), eb('due_on', '>=', change.from)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, trackingNumber: r.tracking_number }));
}

export type WorkListSort = 'due' | 'submitted';

/**
 * The agency's cases by due date: not yet received first (staff must confirm them today),
 * then by due date, and cases whose clock waits for a correction (no due date) last, as
 * compareByDue (clock.ts) orders them.
 */
export function workListQuery(
  db: Q,
  agencyId: string,
  filters: { state?: CaseState; open?: boolean },
  sort: WorkListSort,
  direction: 'asc' | 'desc',
) {
  let q = db
    .selectFrom('requests')
    .innerJoin('request_applicants', 'request_applicants.request_id', 'requests.id')
    .select([
      'requests.id',
      'requests.tracking_number',
      'requests.state',
      'requests.channel',
      'requests.category',
      'requests.submitted_on',
      'requests.received_on',
      'requests.due_on',
      'requests.due_provisional',
      'request_applicants.name',
      'request_applicants.id_number',
      'request_applicants.credit_code',
    ])
    .select((eb) =>
      eb
        .selectFrom('request_items')
        .select('request_items.description')
        .whereRef('request_items.request_id', '=', 'requests.id')
        .where('request_items.position', '=', 1)
        .as('first_item'),
    )
    .where('requests.agency_id', '=', agencyId);
  if (filters.state) q = q.where('requests.state', '=', filters.state);
  // A literal, as in the partial index requests_open_work_list_idx (migration 0022).
  else if (filters.open) q = q.where(sql<boolean>`requests.state <> 'closed'`);
  const column = sort === 'due' ? 'requests.due_on' : 'requests.submitted_on';
  // Spelled out rather than left to each database's NULL ordering, which differs. With
  // literal constants, as in the index requests_open_work_list_idx (migration 0022), so the
  // default order (by due date) reads the first page from the index instead of sorting.
  const group =
    sort === 'due'
      ? sql<number>`CASE WHEN requests.received_on IS NULL THEN 0 WHEN requests.due_on IS NULL THEN 2 ELSE 1 END`
      : sql<number>`CASE WHEN requests.received_on IS NULL THEN 0 WHEN requests.submitted_on IS NULL THEN 2 ELSE 1 END`;
  return q.orderBy(group, 'asc').orderBy(column, direction).orderBy('requests.created_at', 'asc');
}

type WorkListDbRow = Awaited<ReturnType<ReturnType<typeof workListQuery>['execute']>>[number];

export function toWorkListRow(r: WorkListDbRow): WorkListRow {
  const isPerson = r.category === 'natural_person';
  return {
    id: r.id,
    trackingNumber: r.tracking_number,
    state: r.state as CaseState,
    channel: r.channel as ReceiptChannel,
    category: r.category as ApplicantCategory,
    submittedOn: r.submitted_on,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueProvisional: Number(r.due_provisional) === 1,
    // An organisation's name is not personal data; a person's is.
    maskedName: isPerson ? maskName(r.name) : r.name,
    maskedId: isPerson ? (r.id_number ? maskIdNumber(r.id_number) : null) : r.credit_code,
    firstItem: r.first_item ?? '',
  };
}
