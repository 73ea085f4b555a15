// Rows of annual_reports ↔ StoredReport. The only writes to a version are while it is not
// published: every update is guarded by its status, so a published report cannot be
// changed through here even by mistake.
import type { Kysely, Selectable } from 'kysely';
import type { AnnualReportsTable, Database } from '../db/schema.js';
import type { UniqueKey } from '../db/unique-violation.js';
import type { AnnualReport } from '../reports/model.js';
import type { TableKey } from '../reports/format/index.js';
import {
  REPORT_STATUSES,
  type ReadingNotes,
  type ReportStatus,
  type StoredReport,
} from './annual-report.js';

export const VERSION_KEYS = [
  {
    table: 'annual_reports',
    column: 'version',
    constraint: 'annual_reports_agency_year_version_key',
    field: '_form',
  },
] as const satisfies readonly UniqueKey<string>[];

function toReport(row: Selectable<AnnualReportsTable>): StoredReport {
  const status = (REPORT_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as ReportStatus)
    : 'draft';
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: row.year,
    version: row.version,
    status,
    report: JSON.parse(row.content_json) as AnnualReport,
    computed: JSON.parse(row.computed_json) as TableKey[],
    changeNote: row.change_note,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    readingNotes: row.reading_notes_json
      ? (JSON.parse(row.reading_notes_json) as ReadingNotes)
      : null,
  };
}

export async function getReport(db: Kysely<Database>, id: string): Promise<StoredReport | null> {
  const row = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

/** Every version of the agency's report on `year`, newest first. */
export async function listVersions(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<StoredReport[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toReport);
}

/** The latest version of every year of the agency, newest year first. */
export async function listLatestPerYear(
  db: Kysely<Database>,
  agencyId: string,
  status?: 'published',
): Promise<StoredReport[]> {
  let q = db.selectFrom('annual_reports').selectAll().where('agency_id', '=', agencyId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('year', 'desc').orderBy('version', 'desc').execute();
  const seen = new Set<number>();
  return rows.map(toReport).filter((r) => !seen.has(r.year) && seen.add(r.year));
}

/** The published report on `year` (its latest version), if any. */
export async function getPublished(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  version?: number,
): Promise<StoredReport | null> {
  let q = db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('status', '=', 'published');
  if (version !== undefined) q = q.where('version', '=', version);
  const row = await q.orderBy('version', 'desc').executeTakeFirst();
  return row ? toReport(row) : null;
}

export async function insertReport(db: Kysely<Database>, r: StoredReport): Promise<void> {
  await db
    .insertInto('annual_reports')
    .values({
      id: r.id,
      agency_id: r.agencyId,
      year: r.year,
      version: r.version,
      status: r.status,
      content_json: JSON.stringify(r.report),
      computed_json: JSON.stringify(r.computed),
      change_note: r.changeNote,
      approved_by: r.approvedBy,
      approved_at: r.approvedAt,
      published_at: r.publishedAt,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      reading_notes_json: r.readingNotes ? JSON.stringify(r.readingNotes) : null,
    })
    .execute();
}

/** Writes an unpublished version; false when it is (by now) published or gone. */
export async function updateUnpublished(db: Kysely<Database>, r: StoredReport): Promise<boolean> {
  const result = await db
    .updateTable('annual_reports')
    .set({
      status: r.status,
      content_json: JSON.stringify(r.report),
      computed_json: JSON.stringify(r.computed),
      change_note: r.changeNote,
      approved_by: r.approvedBy,
      approved_at: r.approvedAt,
      published_at: r.publishedAt,
      updated_at: r.updatedAt,
      reading_notes_json: r.readingNotes ? JSON.stringify(r.readingNotes) : null,
    })
    .where('id', '=', r.id)
    .where('status', '<>', 'published')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function getTownshipDeadline(
  db: Kysely<Database>,
  parentId: string | null,
): Promise<string | null> {
  if (!parentId) return null;
  const row = await db
    .selectFrom('annual_report_schedules')
    .select('township_deadline')
    .where('agency_id', '=', parentId)
    .executeTakeFirst();
  return row?.township_deadline ?? null;
}

export async function setTownshipDeadline(
  db: Kysely<Database>,
  agencyId: string,
  deadline: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('annual_report_schedules')
    .values({ agency_id: agencyId, township_deadline: deadline, updated_at: now })
    .onConflict((oc) =>
      oc.column('agency_id').doUpdateSet({ township_deadline: deadline, updated_at: now }),
    )
    .execute();
}
