// SQL for publications; rows become `Publication` here and nowhere else. No business rules:
// commands.ts decides, this file reads and writes.
import { PostgresAdapter, sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { contains } from '../db/text-match.js';
import { paginate, type Page } from '../db/paginate.js';
import type { Database, PublicationRow } from '../db/schema.js';
import type { Direction } from '../web/list-query.js';
import {
  CHANNELS,
  VALIDITIES,
  type Attachment,
  type CatalogueEntry,
  type Channel,
  type ChannelRecord,
  type Publication,
  type Validity,
} from './item.js';
import {
  DEFAULT_RECHECK_RHYTHM,
  isRecheckRhythm,
  type RecheckPeriod,
  type RecheckRhythm,
  type ScheduledRhythm,
} from './recheck-period.js';
import type { RecheckOutcome } from './recheck-outcome.js';
import { PUBLICATION_STATES, type PublicationState } from './review.js';

type Q = Kysely<Database>;

const oneOf = <T extends string>(values: readonly T[], v: string, fallback: T): T =>
  (values as readonly string[]).includes(v) ? (v as T) : fallback;

export function rowToPublication(r: PublicationRow): Publication {
  return {
    id: r.id,
    agencyId: r.agency_id,
    state: oneOf(PUBLICATION_STATES, r.state, 'draft'),
    title: r.title,
    summary: r.summary,
    bodyHtml: r.body_html,
    indexNumber: r.index_number,
    urlKey: r.url_key,
    issuer: r.issuer,
    documentNumber: r.document_number,
    writtenOn: r.written_on,
    formedOn: r.formed_on,
    changedOn: r.changed_on,
    publishedOn: r.published_on,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    subject: r.subject,
    genre: r.genre,
    keywords: r.keywords ? r.keywords.split('、').filter(Boolean) : [],
    category: r.category,
    validity: oneOf<Validity>(VALIDITIES, r.validity, 'valid'),
    validityOn: r.validity_on,
    replacedBy: r.replaced_by,
    submittedBy: r.submitted_by,
    withdrawalReason: r.withdrawal_reason,
    withdrawnOn: r.withdrawn_on,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type PublicationInsert = Database['publications'];

export async function insertPublication(db: Q, row: PublicationInsert): Promise<void> {
  await db.insertInto('publications').values(row).execute();
}

export async function updatePublication(
  db: Q,
  id: string,
  set: Partial<Omit<PublicationInsert, 'id' | 'agency_id'>>,
): Promise<void> {
  await db.updateTable('publications').set(set).where('id', '=', id).execute();
}

export async function getPublication(db: Q, id: string): Promise<Publication | null> {
  const r = await db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToPublication(r) : null;
}

/** A public item (published, or withdrawn with its notice) of an agency by its URL key. */
export async function getPublicByKey(
  db: Q,
  agencyId: string,
  urlKey: string,
): Promise<Publication | null> {
  const r = await db
    .selectFrom('publications')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('url_key', '=', urlKey)
    .where('state', 'in', ['published', 'withdrawn'])
    .executeTakeFirst();
  return r ? rowToPublication(r) : null;
}

/** A published item of the agency by its index number (what replaced a repealed file). */
export async function getPublishedByIndexNumber(
  db: Q,
  agencyId: string,
  indexNumber: string,
): Promise<Publication | null> {
  const r = await db
    .selectFrom('publications')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('index_number', '=', indexNumber)
    .where('state', '=', 'published')
    .executeTakeFirst();
  return r ? rowToPublication(r) : null;
}

/**
 * The next serial of the agency's index numbers in `year`. One statement that creates or
 * increments the counter row: inside the caller's transaction the row stays locked
 * (PostgreSQL) or the database is (SQLite) until commit, so two publications at once can
 * never get the same serial, and a rolled-back publication gives its serial back.
 */
export async function issueSerial(db: Q, agencyId: string, year: number): Promise<number> {
  return issueSerials(db, agencyId, year, 1);
}

/**
 * Reserves the next `count` serials of the agency in `year` in the same one statement, and
 * returns the last: the serials are `last - count + 1` … `last`, consecutive.
 */
export async function issueSerials(
  db: Q,
  agencyId: string,
  year: number,
  count: number,
): Promise<number> {
  const r = await db
    .insertInto('publication_index_counters')
    .values({ agency_id: agencyId, year, last_serial: count })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({
        last_serial: sql<number>`publication_index_counters.last_serial + ${count}`,
      }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return Number(r.last_serial);
}

/** Raises the agency's counter for `year` to at least `last` (numbers brought in by the demo or an import). */
export async function raiseSerial(
  db: Q,
  agencyId: string,
  year: number,
  last: number,
): Promise<void> {
  const current = await db
    .selectFrom('publication_index_counters')
    .select('last_serial')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!current)
    await db
      .insertInto('publication_index_counters')
      .values({ agency_id: agencyId, year, last_serial: last })
      .execute();
  else if (Number(current.last_serial) < last)
    await db
      .updateTable('publication_index_counters')
      .set({ last_serial: last })
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute();
}

export type ConsoleSort = 'updated' | 'formed' | 'published';

export interface ConsoleFilter {
  agencyId: string;
  state?: PublicationState;
  category?: string;
  /** The year of the date formed (drafts have no publication date yet). */
  year?: number;
  sort: ConsoleSort;
  direction: Direction;
  page: number;
  pageSize: number;
}

const SORT_COLUMN = {
  updated: 'updated_at',
  formed: 'formed_on',
  published: 'published_on',
} as const;

export async function listForConsole(db: Q, f: ConsoleFilter): Promise<Page<Publication>> {
  let q = db.selectFrom('publications').selectAll().where('agency_id', '=', f.agencyId);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.year)
    q = q.where('formed_on', '>=', `${f.year}-01-01`).where('formed_on', '<=', `${f.year}-12-31`);
  q = q.orderBy(SORT_COLUMN[f.sort], f.direction).orderBy('id');
  const page = await paginate(db, q, f);
  return { ...page, rows: page.rows.map(rowToPublication) };
}

export interface PublicFilter {
  agencyId: string;
  category?: string;
  subject?: string;
  year?: number;
  validity?: Validity;
  page: number;
  pageSize: number;
}

/** Published items only (never drafts, items in review or withdrawn ones), filtered. */
function publishedQuery(db: Q, f: Omit<PublicFilter, 'page' | 'pageSize'>) {
  let q = db
    .selectFrom('publications')
    .where('agency_id', '=', f.agencyId)
    .where('state', '=', 'published');
  if (f.category) q = q.where('category', '=', f.category);
  if (f.subject) q = q.where('subject', '=', f.subject);
  if (f.validity) q = q.where('validity', '=', f.validity);
  if (f.year)
    q = q
      .where('published_on', '>=', `${f.year}-01-01`)
      .where('published_on', '<=', `${f.year}-12-31`);
  return q;
}

/** Published items, newest first. */
export async function listPublished(db: Q, f: PublicFilter): Promise<Page<Publication>> {
  const q = publishedQuery(db, f)
    .selectAll()
    .orderBy('published_on', 'desc')
    .orderBy('index_number', 'desc');
  const page = await paginate(db, q, f);
  return { ...page, rows: page.rows.map(rowToPublication) };
}

/**
 * The years in which the agency published something, newest first (the year filter), and
 * how many items the filters match — in one statement. The years are found by skipping
 * down publications_public_idx (agency, state, published_on) one year at a time: a seek per
 * year instead of reading every item of the agency, on SQLite and PostgreSQL alike.
 */
export async function catalogueFacets(
  db: Q,
  f: Omit<PublicFilter, 'page' | 'pageSize'>,
): Promise<{ years: number[]; total: number }> {
  const count = publishedQuery(db, f).select((eb) => eb.fn.countAll().as('n'));
  const latest = (before: ReturnType<typeof sql> | null) =>
    sql`(select substr(max(published_on), 1, 4) from publications
         where agency_id = ${f.agencyId} and state = 'published'
         ${before ? sql`and published_on < ${before}` : sql``})`;
  const r = await sql<{ y: string | null; total: number | string }>`
    with recursive years(y) as (
      select ${latest(null)}
      union all
      select ${latest(sql`years.y || '-01-01'`)} from years where years.y is not null
    )
    select years.y as y, (${count}) as total from years`.execute(db);
  const total = Number(r.rows[0]?.total ?? 0);
  const years = r.rows
    .map((x) => Number(x.y))
    .filter((y) => Number.isInteger(y) && y > 0)
    .sort((a, b) => b - a);
  return { years, total };
}

/** The catalogue's list page and its year filter: two statements (facets, then the page). */
export async function catalogueListing(
  db: Q,
  f: PublicFilter,
): Promise<{ page: Page<CatalogueEntry>; years: number[] }> {
  const { years, total } = await catalogueFacets(db, f);
  const pageSize = Math.max(1, Math.floor(f.pageSize));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(f.page)), pageCount);
  // Only what the list shows: an item's body (a real notice runs to several KB) and the rest
  // of its record are read on its own page, not twenty at a time for every list page.
  const rows =
    total === 0
      ? []
      : await publishedQuery(db, f)
          .select(['title', 'url_key', 'published_on', 'document_number', 'category', 'validity'])
          .orderBy('published_on', 'desc')
          .orderBy('index_number', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
  const entries = rows.map((r): CatalogueEntry => ({
    title: r.title,
    urlKey: r.url_key,
    publishedOn: r.published_on,
    documentNumber: r.document_number,
    category: r.category,
    validity: oneOf<Validity>(VALIDITIES, r.validity, 'valid'),
  }));
  return { page: { rows: entries, total, page, pageCount, pageSize }, years };
}

/** Items not yet published (draft, in review, approved): the 第二十六条 clock runs on them. */
export async function listUnpublished(db: Q, agencyId: string): Promise<Publication[]> {
  const rows = await db
    .selectFrom('publications')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('state', 'in', ['draft', 'in_review', 'approved'])
    .orderBy('formed_on')
    .orderBy('id')
    .execute();
  return rows.map(rowToPublication);
}

export async function listPublishedIds(db: Q, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('publications')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'published')
    .orderBy('published_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the agency has published anything (one row read, whatever the catalogue's size). */
export async function hasPublished(db: Q, agencyId: string): Promise<boolean> {
  const r = await db
    .selectFrom('publications')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('state', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

// Channels -------------------------------------------------------------------------------

export async function listChannels(db: Q, publicationId: string): Promise<ChannelRecord[]> {
  const rows = await db
    .selectFrom('publication_channels')
    .select(['channel', 'published_on'])
    .where('publication_id', '=', publicationId)
    .execute();
  return rows
    .map((r) => ({
      channel: oneOf<Channel>(CHANNELS, r.channel, 'other'),
      publishedOn: r.published_on,
    }))
    .sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
}

/** Sets the date the item went out on `channel`, or removes the channel (null). */
export async function setChannel(
  db: Q,
  publicationId: string,
  channel: Channel,
  publishedOn: string | null,
): Promise<void> {
  await db
    .deleteFrom('publication_channels')
    .where('publication_id', '=', publicationId)
    .where('channel', '=', channel)
    .execute();
  if (publishedOn)
    await db
      .insertInto('publication_channels')
      .values({ publication_id: publicationId, channel, published_on: publishedOn })
      .execute();
}

// Attachments ----------------------------------------------------------------------------

export async function listAttachments(db: Q, publicationId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('publication_attachments as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id', 'f.filename', 'f.content_type', 'f.size'])
    .where('a.publication_id', '=', publicationId)
    .orderBy('a.position')
    .execute();
  return rows.map((r) => ({
    fileId: r.id,
    filename: r.filename,
    contentType: r.content_type,
    size: Number(r.size),
  }));
}

export async function addAttachment(db: Q, publicationId: string, fileId: string): Promise<void> {
  const last = await db
    .selectFrom('publication_attachments')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('publication_id', '=', publicationId)
    .executeTakeFirst();
  await db
    .insertInto('publication_attachments')
    .values({ publication_id: publicationId, file_id: fileId, position: Number(last?.p ?? 0) + 1 })
    .execute();
}

export async function removeAttachment(
  db: Q,
  publicationId: string,
  fileId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('publication_attachments')
    .where('publication_id', '=', publicationId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// Reviews --------------------------------------------------------------------------------

export interface ReviewRecord {
  decision: 'approved' | 'rejected';
  opinion: string;
  reviewerLabel: string;
  decidedAt: string;
}

export async function insertReview(db: Q, row: Database['publication_reviews']): Promise<void> {
  await db.insertInto('publication_reviews').values(row).execute();
}

export async function listReviews(db: Q, publicationId: string): Promise<ReviewRecord[]> {
  const rows = await db
    .selectFrom('publication_reviews')
    .select(['decision', 'opinion', 'reviewer_label', 'decided_at'])
    .where('publication_id', '=', publicationId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    decision: r.decision === 'approved' ? 'approved' : 'rejected',
    opinion: r.opinion,
    reviewerLabel: r.reviewer_label,
    decidedAt: r.decided_at,
  }));
}

// Re-check rounds (清查) ------------------------------------------------------------------

export interface Recheck {
  id: string;
  agencyId: string;
  title: string;
  createdByLabel: string;
  createdAt: string;
  completedAt: string | null;
  total: number;
  decided: number;
}

export type RecheckDecision = 'kept' | 'withdrawn';

export interface RecheckEntry {
  publication: Publication;
  decision: RecheckDecision | null;
  opinion: string | null;
  decidedByLabel: string | null;
  decidedAt: string | null;
}

export async function insertRecheck(
  db: Q,
  row: Database['publication_rechecks'],
  publicationIds: readonly string[],
): Promise<void> {
  await db.insertInto('publication_rechecks').values(row).execute();
  for (let i = 0; i < publicationIds.length; i += 500) {
    await db
      .insertInto('publication_recheck_items')
      .values(
        publicationIds.slice(i, i + 500).map((id) => ({
          recheck_id: row.id,
          publication_id: id,
          decision: null,
          opinion: null,
          decided_by_label: null,
          decided_at: null,
        })),
      )
      .execute();
  }
}

async function recheckCounts(db: Q, ids: string[]) {
  if (ids.length === 0) return new Map<string, { total: number; decided: number }>();
  const rows = await db
    .selectFrom('publication_recheck_items')
    .select((eb) => [
      'recheck_id',
      eb.fn.countAll().as('total'),
      eb.fn.count('decision').as('decided'),
    ])
    .where('recheck_id', 'in', ids)
    .groupBy('recheck_id')
    .execute();
  return new Map(
    rows.map((r) => [r.recheck_id, { total: Number(r.total), decided: Number(r.decided) }]),
  );
}

export async function listRechecks(db: Q, agencyId: string): Promise<Recheck[]> {
  const rows = await db
    .selectFrom('publication_rechecks')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const counts = await recheckCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    title: r.title,
    createdByLabel: r.created_by_label,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    total: counts.get(r.id)?.total ?? 0,
    decided: counts.get(r.id)?.decided ?? 0,
  }));
}

export async function getRecheck(db: Q, id: string): Promise<Recheck | null> {
  const r = await db
    .selectFrom('publication_rechecks')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const counts = (await recheckCounts(db, [id])).get(id);
  return {
    id: r.id,
    agencyId: r.agency_id,
    title: r.title,
    createdByLabel: r.created_by_label,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    total: counts?.total ?? 0,
    decided: counts?.decided ?? 0,
  };
}

/** The entries of a round joined with their items: what every reading of entries selects. */
function entryQuery(db: Q, recheckId: string) {
  return db
    .selectFrom('publication_recheck_items as i')
    .innerJoin('publications as p', 'p.id', 'i.publication_id')
    .where('i.recheck_id', '=', recheckId);
}

type EntryRow = PublicationRow & {
  recheck_decision: string | null;
  recheck_opinion: string | null;
  recheck_by: string | null;
  recheck_at: string | null;
};

function selectEntry(q: ReturnType<typeof entryQuery>) {
  return q
    .selectAll('p')
    .select([
      'i.decision as recheck_decision',
      'i.opinion as recheck_opinion',
      'i.decided_by_label as recheck_by',
      'i.decided_at as recheck_at',
    ]);
}

function rowToEntry(r: EntryRow): RecheckEntry {
  return {
    publication: rowToPublication(r),
    decision:
      r.recheck_decision === 'kept' || r.recheck_decision === 'withdrawn'
        ? r.recheck_decision
        : null,
    opinion: r.recheck_opinion,
    decidedByLabel: r.recheck_by,
    decidedAt: r.recheck_at,
  };
}

/** The condition of `outcome` (recheck-outcome.ts says what each means). */
function outcomeIs(outcome: RecheckOutcome) {
  return (eb: ExpressionBuilder<EntryTables, 'i' | 'p'>) => {
    switch (outcome) {
      case 'kept':
      case 'withdrawn':
        return eb('i.decision', '=', outcome);
      case 'pending':
        return eb.and([eb('i.decision', 'is', null), eb('p.state', '=', 'published')]);
      case 'other':
        return eb.and([eb('i.decision', 'is', null), eb('p.state', '<>', 'published')]);
    }
  };
}

type EntryTables = Database & {
  i: Database['publication_recheck_items'];
  p: Database['publications'];
};

/** Title, 索引号 or 文号 contains `text` (literally). */
function entryMatches(text: string) {
  return (eb: ExpressionBuilder<EntryTables, 'i' | 'p'>) =>
    eb.or([
      contains('p.title', text),
      contains('p.index_number', text),
      contains('p.document_number', text),
    ]);
}

export interface RecheckEntryFilter {
  outcome?: RecheckOutcome | undefined;
  /** Part of the title, 索引号 or 文号. */
  text?: string | undefined;
  direction: Direction;
  page: number;
  pageSize: number;
}

/** One page of a round's entries, filtered and counted in the database, by publication date. */
export async function listRecheckEntries(
  db: Q,
  recheckId: string,
  f: RecheckEntryFilter,
): Promise<Page<RecheckEntry>> {
  let q = selectEntry(entryQuery(db, recheckId));
  if (f.outcome) q = q.where(outcomeIs(f.outcome));
  if (f.text) q = q.where(entryMatches(f.text));
  // The id breaks ties of a date, so a page boundary never splits rows unpredictably.
  q = q.orderBy('p.published_on', f.direction).orderBy('p.id', f.direction);
  const page = await paginate(db, q, f);
  return { ...page, rows: page.rows.map(rowToEntry) };
}

/**
 * How many of the round's entries stand at each outcome, among those matching `text` when
 * given (so each count is what choosing that outcome lists). One grouped query.
 */
export async function recheckOutcomeCounts(
  db: Q,
  recheckId: string,
  text?: string,
): Promise<Record<RecheckOutcome, number>> {
  const outcome = sql<RecheckOutcome>`case when i.decision = 'kept' then 'kept' when i.decision = 'withdrawn' then 'withdrawn' when p.state = 'published' then 'pending' else 'other' end`;
  let q = entryQuery(db, recheckId).select((eb) => [
    outcome.as('outcome'),
    eb.fn.countAll().as('n'),
  ]);
  if (text) q = q.where(entryMatches(text));
  const rows = await q.groupBy(outcome).execute();
  const counts: Record<RecheckOutcome, number> = { pending: 0, kept: 0, withdrawn: 0, other: 0 };
  for (const r of rows) if (r.outcome in counts) counts[r.outcome] = Number(r.n);
  return counts;
}

/** The entries of the round among `publicationIds` (those not in the round are absent). */
export async function listRecheckEntriesOf(
  db: Q,
  recheckId: string,
  publicationIds: readonly string[],
): Promise<RecheckEntry[]> {
  if (publicationIds.length === 0) return [];
  const rows = await selectEntry(entryQuery(db, recheckId))
    .where('i.publication_id', 'in', [...publicationIds])
    .execute();
  return rows.map(rowToEntry);
}

/** One entry of the round with its item, or null when the item is not in the round. */
export async function getRecheckEntryDetail(
  db: Q,
  recheckId: string,
  publicationId: string,
): Promise<RecheckEntry | null> {
  const [entry] = await listRecheckEntriesOf(db, recheckId, [publicationId]);
  return entry ?? null;
}

export async function getRecheckEntry(
  db: Q,
  recheckId: string,
  publicationId: string,
): Promise<{ decision: string | null } | null> {
  const r = await db
    .selectFrom('publication_recheck_items')
    .select('decision')
    .where('recheck_id', '=', recheckId)
    .where('publication_id', '=', publicationId)
    .executeTakeFirst();
  return r ?? null;
}

/**
 * Records `set` on the round's entries of `publicationIds` that have no finding yet, in one
 * statement; returns the ids it wrote. On PostgreSQL a concurrent finding on the same entry
 * is waited for and then seen, so an entry is never decided twice.
 */
export async function decideOpenRecheckEntries(
  db: Q,
  recheckId: string,
  publicationIds: readonly string[],
  set: { decision: RecheckDecision; opinion: string; decided_by_label: string; decided_at: string },
): Promise<string[]> {
  if (publicationIds.length === 0) return [];
  const rows = await db
    .updateTable('publication_recheck_items')
    .set(set)
    .where('recheck_id', '=', recheckId)
    .where('publication_id', 'in', [...publicationIds])
    .where('decision', 'is', null)
    .returning('publication_id')
    .execute();
  return rows.map((r) => r.publication_id);
}

export async function completeRecheck(db: Q, id: string, at: string): Promise<void> {
  await db
    .updateTable('publication_rechecks')
    .set({ completed_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Holds the agency's re-check rounds for the rest of the transaction, so that two runs of
 * the schedule cannot both find no round of the period and both start one. On PostgreSQL
 * the agency row is locked FOR NO KEY UPDATE (inserts that reference the agency, which take
 * KEY SHARE, are not held up); SQLite has one writer at a time, and a transaction that read
 * before another's write cannot then write itself.
 */
export async function lockAgencyRechecks(db: Q, agencyId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', agencyId)
    .forNoKeyUpdate()
    .execute();
}

/** Whether the agency has started a round (by hand or on schedule) at or after `since`. */
export async function hasRecheckSince(db: Q, agencyId: string, since: string): Promise<boolean> {
  const r = await db
    .selectFrom('publication_rechecks')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('created_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** The agency's re-check rhythm (每年 for a value this code does not know). */
export async function getRecheckRhythm(db: Q, agencyId: string): Promise<RecheckRhythm | null> {
  const r = await db
    .selectFrom('agencies')
    .select('recheck_rhythm')
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!r) return null;
  return isRecheckRhythm(r.recheck_rhythm) ? r.recheck_rhythm : DEFAULT_RECHECK_RHYTHM;
}

export async function setRecheckRhythm(
  db: Q,
  agencyId: string,
  rhythm: RecheckRhythm,
): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ recheck_rhythm: rhythm })
    .where('id', '=', agencyId)
    .execute();
}

export interface DueAgency {
  agencyId: string;
  rhythm: ScheduledRhythm;
}

/**
 * The agencies that have published items and no round started since their own rhythm's
 * current period began (`periods`: the current period of each scheduled rhythm): those the
 * schedule has a round to start for. 不定期 agencies are never due. One query, whatever the
 * number of agencies.
 */
export async function agenciesDueForRecheck(
  db: Q,
  periods: readonly RecheckPeriod[],
): Promise<DueAgency[]> {
  if (periods.length === 0) return [];
  const rows = await db
    .selectFrom('agencies as a')
    .select(['a.id', 'a.recheck_rhythm'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('publications as p')
          .select('p.id')
          .whereRef('p.agency_id', '=', 'a.id')
          .where('p.state', '=', 'published'),
      ),
    )
    .where((eb) =>
      eb.or(
        periods.map((period) =>
          eb.and([
            eb('a.recheck_rhythm', '=', period.rhythm),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('publication_rechecks as r')
                  .select('r.id')
                  .whereRef('r.agency_id', '=', 'a.id')
                  .where('r.created_at', '>=', period.since),
              ),
            ),
          ]),
        ),
      ),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ agencyId: r.id, rhythm: r.recheck_rhythm as ScheduledRhythm }));
}

/**
 * Settles the open re-check entries of an item withdrawn outside the round (its finding is
 * the withdrawal); returns the rounds touched, so their completion can be checked.
 */
export async function settleOpenRecheckEntries(
  db: Q,
  publicationId: string,
  set: { opinion: string; decided_by_label: string; decided_at: string },
): Promise<string[]> {
  const open = await db
    .selectFrom('publication_recheck_items')
    .select('recheck_id')
    .where('publication_id', '=', publicationId)
    .where('decision', 'is', null)
    .execute();
  if (open.length === 0) return [];
  await db
    .updateTable('publication_recheck_items')
    .set({ decision: 'withdrawn', ...set })
    .where('publication_id', '=', publicationId)
    .where('decision', 'is', null)
    .execute();
  return open.map((r) => r.recheck_id);
}
