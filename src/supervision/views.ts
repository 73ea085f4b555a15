// What the supervision pages show, loaded and put together: a batch's reports with their
// flags and statuses, and a year's dashboard of every subordinate agency. Reads only.
import { listDescendantAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BatchFlag } from './matching.js';
import { countedByAgency, flagsOfAll, type ReceivedRow } from './received.js';
import { deadlineRules, dueOn, type DeadlineRules } from './deadlines.js';
import {
  batchReports,
  findingsOf,
  platformReportsOfYear,
  reportOf,
  reportsOfYear,
  type BatchRow,
  type ReportRow,
} from './repository.js';
import { findingCounts, type FindingCounts } from '../reports/checks/reading-notes.js';
import { agencyStatus, reportStatus, type AgencyStatus, type ReportStatus } from './status.js';

type Q = Kysely<Database>;

/**
 * The counts of a stored report, from its findings themselves rather than the `errors` and
 * `warnings` columns: rows stored before reading notes were counted apart have them inside
 * `warnings`, and no migration rewrites them.
 */
export function countsOf(row: Pick<ReportRow, 'findings_json'>): FindingCounts {
  return findingCounts(findingsOf(row).findings);
}

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
  counts: FindingCounts;
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
  const reports = rows.map((row) => {
    const counts = countsOf(row);
    return {
      row,
      counts,
      status: reportStatus(row, counts),
      flags: flags.get(row.id) ?? [],
      agency: row.agency_id ? (byId.get(row.agency_id) ?? null) : null,
    };
  });
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
  /** The report that counts for the year, if any, with its counts and its own status. */
  report: ReportRow | null;
  counts: FindingCounts | null;
  reportStatus: ReportStatus | null;
  /** The last day its report is on time (YYYY-MM-DD), by the annual-report feature's rule. */
  dueOn: string;
  /** Why that day (《条例》第四十九条, or the local schedule). */
  basis: string;
  /** The counted report's own date, when it gives one, and how many days after `dueOn`. */
  reportDate: { on: string; daysLate: number } | null;
}

export interface Dashboard {
  year: number;
  rows: DashboardRow[];
  /** Reports received for the year that do not count, with why. */
  uncounted: { row: ReportRow; flags: BatchFlag[] }[];
}

/** The subordinates of an owner with their deadline rules, loaded once for several years. */
export interface Subordinates {
  agencies: Agency[];
  rules: DeadlineRules;
}

export async function loadSubordinates(db: Q, ownerAgencyId: string): Promise<Subordinates> {
  const agencies = await listDescendantAgencies(db, ownerAgencyId);
  return { agencies, rules: await deadlineRules(db, agencies) };
}

const DAY = 86_400_000;

function reportDate(row: ReportRow, due: string): DashboardRow['reportDate'] {
  const on = reportOf(row)?.publishedOn ?? null;
  if (!on) return null;
  return { on, daysLate: Math.max(0, Math.round((Date.parse(on) - Date.parse(due)) / DAY)) };
}

/**
 * Every subordinate agency for the year, with the report that counts for it and its status
 * against its own deadline (today: YYYY-MM-DD, China time).
 */
export async function loadDashboard(
  db: Q,
  ownerAgencyId: string,
  year: number,
  today: string,
  known?: Subordinates,
): Promise<Dashboard> {
  const { agencies: subordinates, rules } = known ?? (await loadSubordinates(db, ownerAgencyId));
  const ids = subordinates.map((a) => a.id);
  const [own, published] = await Promise.all([
    reportsOfYear(db, ownerAgencyId, year),
    platformReportsOfYear(db, ids, year),
  ]);
  const rows = [...own, ...published.filter((p) => p.owner_agency_id !== ownerAgencyId)];
  const flags = flagsOfAll(rows.map(receivedRow), new Set(ids));
  const counted = countedByAgency(rows.map(receivedRow), flags);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    year,
    rows: subordinates.map((agency) => {
      const id = counted.get(agency.id);
      const report = id ? (byId.get(id) ?? null) : null;
      const due = dueOn(rules, agency.id, year);
      const counts = report ? countsOf(report) : null;
      const own = report && counts ? reportStatus(report, counts) : null;
      const date = report ? reportDate(report, due) : null;
      return {
        agency,
        report,
        counts,
        reportStatus: own,
        status: agencyStatus(
          own ? { status: own, daysLate: date?.daysLate ?? 0 } : null,
          due,
          today,
        ),
        dueOn: due,
        basis: rules.get(agency.id)?.basis ?? '',
        reportDate: date,
      };
    }),
    uncounted: rows
      .filter((r) => r.state === 'read' && (flags.get(r.id) ?? []).length > 0)
      .map((row) => ({ row, flags: flags.get(row.id) ?? [] })),
  };
}
