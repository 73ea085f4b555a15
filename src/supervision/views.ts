// What the supervision pages show, loaded and put together: a batch's reports with their
// flags and statuses, and a year's dashboard of every subordinate agency. Reads only.
import { listDescendantAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BatchFlag } from './matching.js';
import { countedByAgency, flagsOfAll, type ReceivedRow } from './received.js';
import {
  batchReports,
  getDeadline,
  platformReportsOfYear,
  reportsOfYear,
  type BatchRow,
  type ReportRow,
} from './repository.js';
import {
  agencyStatus,
  defaultDeadline,
  reportStatus,
  type AgencyStatus,
  type ReportStatus,
} from './status.js';

type Q = Kysely<Database>;

export function receivedRow(r: ReportRow): ReceivedRow {
  return {
    id: r.id,
    seq: r.seq,
    sha256: r.sha256,
    state: r.state,
    agencyId: r.agency_id,
    confirmed: r.confirmed === 1,
    reportYear: r.report_year,
    batchId: r.batch_id,
    createdAt: r.created_at,
    year: r.year,
  };
}

export interface ReportView {
  row: ReportRow;
  status: ReportStatus;
  flags: BatchFlag[];
  agency: Agency | null;
}

export interface BatchView {
  batch: BatchRow;
  reports: ReportView[];
  subordinates: Agency[];
  done: number;
}

export async function loadBatchView(db: Q, batch: BatchRow): Promise<BatchView> {
  const [rows, subordinates] = await Promise.all([
    batchReports(db, batch.id),
    listDescendantAgencies(db, batch.agency_id),
  ]);
  const ids = new Set(subordinates.map((a) => a.id));
  const byId = new Map(subordinates.map((a) => [a.id, a]));
  const flags = flagsOfAll(rows.map(receivedRow), ids);
  const reports = rows.map((row) => ({
    row,
    status: reportStatus(row),
    flags: flags.get(row.id) ?? [],
    agency: row.agency_id ? (byId.get(row.agency_id) ?? null) : null,
  }));
  return {
    batch,
    reports,
    subordinates,
    done: reports.filter((r) => r.status !== 'pending').length,
  };
}

export interface DashboardRow {
  agency: Agency;
  status: AgencyStatus;
  /** The report that counts for the year, if any. */
  report: ReportRow | null;
}

export interface Dashboard {
  year: number;
  dueOn: string;
  /** Whether the deadline is the local schedule's rather than 31 January. */
  localDeadline: boolean;
  rows: DashboardRow[];
  /** Reports received for the year that do not count, with why. */
  uncounted: { row: ReportRow; flags: BatchFlag[] }[];
}

/** Every subordinate agency for the year, with the report that counts for it (today: YYYY-MM-DD, China time). */
export async function loadDashboard(
  db: Q,
  ownerAgencyId: string,
  year: number,
  today: string,
): Promise<Dashboard> {
  const subordinates = await listDescendantAgencies(db, ownerAgencyId);
  const ids = subordinates.map((a) => a.id);
  const [own, published, local] = await Promise.all([
    reportsOfYear(db, ownerAgencyId, year),
    platformReportsOfYear(db, ids, year),
    getDeadline(db, ownerAgencyId, year),
  ]);
  const rows = [...own, ...published.filter((p) => p.owner_agency_id !== ownerAgencyId)];
  const flags = flagsOfAll(rows.map(receivedRow), new Set(ids));
  const counted = countedByAgency(rows.map(receivedRow), flags);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dueOn = local ?? defaultDeadline(year);
  return {
    year,
    dueOn,
    localDeadline: local !== null,
    rows: subordinates.map((agency) => {
      const id = counted.get(agency.id);
      const report = id ? (byId.get(id) ?? null) : null;
      return { agency, report, status: agencyStatus(report, dueOn, today) };
    }),
    uncounted: rows
      .filter((r) => r.state === 'read' && (flags.get(r.id) ?? []).length > 0)
      .map((row) => ({ row, flags: flags.get(row.id) ?? [] })),
  };
}
