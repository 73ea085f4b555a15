// What the console and the public pages show beside a stored report: its findings, the
// deadline and whether it is late, and last year's report with the changed cells.
import type { Kysely } from 'kysely';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Database } from '../db/schema.js';
import { FORMATS } from '../reports/format/index.js';
import type { Finding } from '../reports/model.js';
import type { StoredReport } from './annual-report.js';
import { lastYearReport, type LastYear } from './last-year.js';
import { deadlineOf } from './agency-deadline.js';
import { cstDate, findingsOf } from './annual-report-service.js';
import { dueDate } from './deadline.js';
import { diffTables, type CellChange } from './tables.js';

export interface ReportView {
  findings: Finding[];
  deadline: { due: string; basis: string; daysLate: number | null };
  previous: LastYear | null;
  previousChanges: CellChange[];
}

export async function reportView(
  db: Kysely<Database>,
  stored: StoredReport,
  now: Date,
): Promise<ReportView> {
  const agency = await getAgencyById(db, stored.agencyId);
  if (!agency) throw new Error('a stored report whose agency is gone');
  const [findings, rule, previous] = await Promise.all([
    findingsOf(db, stored),
    deadlineOf(db, agency),
    lastYearReport(db, stored.agencyId, stored.year),
  ]);
  const due = dueDate(stored.year, rule);
  const on = stored.report.publishedOn ?? cstDate(now);
  const daysLate = on > due ? Math.round((Date.parse(on) - Date.parse(due)) / 86_400_000) : null;
  const previousChanges =
    previous && previous.report.format === stored.report.format
      ? diffTables(FORMATS[stored.report.format], previous.report.tables, stored.report.tables)
      : [];
  return { findings, deadline: { due, basis: rule.basis, daysLate }, previous, previousChanges };
}
