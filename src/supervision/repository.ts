// The SQL of supervision: batches and the reports received (in a batch or from outside
// one). No business rules here.
import type { Kysely, Selectable } from 'kysely';
import type { Database, SupervisionBatchesTable, SupervisionReportsTable } from '../db/schema.js';
import type { AnnualReport, Finding } from '../reports/model.js';

type Q = Kysely<Database>;

export type BatchRow = Selectable<SupervisionBatchesTable>;
export type ReportRow = Omit<Selectable<SupervisionReportsTable>, 'content_b64'>;

/** Every column but the bytes (which only the reading job needs). */
const REPORT_COLUMNS = [
  'id',
  'batch_id',
  'owner_agency_id',
  'seq',
  'source',
  'name',
  'size',
  'sha256',
  'state',
  'read_as',
  'error',
  'report_json',
  'findings_json',
  'errors',
  'warnings',
  'report_agency',
  'report_year',
  'suggested_agency_id',
  'agency_id',
  'confirmed',
  'year',
  'previous_id',
  'created_at',
  'read_at',
] as const;

/** What is stored of a read report's findings: the parser's apart, to re-check later. */
export interface StoredFindings {
  parser: Finding[];
  findings: Finding[];
}

export function reportOf(row: Pick<ReportRow, 'report_json'>): AnnualReport | null {
  return row.report_json ? (JSON.parse(row.report_json) as AnnualReport) : null;
}

export function findingsOf(row: Pick<ReportRow, 'findings_json'>): StoredFindings {
  return row.findings_json
    ? (JSON.parse(row.findings_json) as StoredFindings)
    : { parser: [], findings: [] };
}

export async function getBatch(db: Q, id: string): Promise<BatchRow | null> {
  return (
    (await db
      .selectFrom('supervision_batches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function listBatches(db: Q, agencyId: string): Promise<BatchRow[]> {
  return db
    .selectFrom('supervision_batches')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function batchReports(db: Q, batchId: string): Promise<ReportRow[]> {
  return db
    .selectFrom('supervision_reports')
    .select(REPORT_COLUMNS)
    .where('batch_id', '=', batchId)
    .orderBy('seq')
    .execute();
}

export async function getReport(db: Q, id: string): Promise<ReportRow | null> {
  return (
    (await db
      .selectFrom('supervision_reports')
      .select(REPORT_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** The ids of the batch's reports still to be read, in order. */
export async function pendingIds(db: Q, batchId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('supervision_reports')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('state', '=', 'pending')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.id);
}

/** A report still to be read, with its bytes (null once read). */
export async function pendingContent(
  db: Q,
  id: string,
): Promise<{ name: string; source: string; content_b64: string | null } | null> {
  return (
    (await db
      .selectFrom('supervision_reports')
      .select(['name', 'source', 'content_b64'])
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst()) ?? null
  );
}

/** Every report an owner received for a year (of any batch, or from outside one). */
export async function reportsOfYear(
  db: Q,
  ownerAgencyId: string,
  year: number,
): Promise<ReportRow[]> {
  return db
    .selectFrom('supervision_reports')
    .select(REPORT_COLUMNS)
    .where('owner_agency_id', '=', ownerAgencyId)
    .where('year', '=', year)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
}

/** The years for which an owner has received anything, newest first. */
export async function yearsReceived(db: Q, ownerAgencyId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('supervision_reports')
    .select('year')
    .distinct()
    .where('owner_agency_id', '=', ownerAgencyId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/**
 * Last year's report of `agencyId` as its supervisor received it (confirmed, read), or as
 * it was published on this platform: the latest such.
 */
export async function previousReport(
  db: Q,
  ownerAgencyId: string,
  agencyId: string,
  year: number,
): Promise<ReportRow | null> {
  return (
    (await db
      .selectFrom('supervision_reports')
      .select(REPORT_COLUMNS)
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .where('state', '=', 'read')
      .where('confirmed', '=', 1)
      .where((eb) =>
        eb.or([eb('owner_agency_id', '=', ownerAgencyId), eb('source', '=', 'platform')]),
      )
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** Reports published on this platform by any of `agencyIds` for a year. */
export async function platformReportsOfYear(
  db: Q,
  agencyIds: readonly string[],
  year: number,
): Promise<ReportRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('supervision_reports')
    .select(REPORT_COLUMNS)
    .where('source', '=', 'platform')
    .where('agency_id', 'in', agencyIds)
    .where('year', '=', year)
    .orderBy('created_at')
    .execute();
}
