// A stored annual report: one version of an agency's report on a year, and where it is in
// drafted → approved (by the office head) → published. A published version is never changed.
import type { TableKey } from '../reports/format/index.js';
import type { AnnualReport, Finding } from '../reports/model.js';

/** What the reader was unsure of in the file last imported into a draft. */
export interface ReadingNotes {
  /** The file's name as uploaded. */
  file: string;
  at: string;
  /** CELL_AMBIGUOUS and the other reading findings, with the cell each concerns. */
  findings: Finding[];
}

export const REPORT_STATUSES = ['draft', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: '草稿',
  approved: '已审核，待发布',
  published: '已发布',
};

export interface StoredReport {
  id: string;
  agencyId: string;
  year: number;
  version: number;
  status: ReportStatus;
  report: AnnualReport;
  /** The tables computed from records; the others were typed or imported by the office. */
  computed: TableKey[];
  /** Why this version replaces the one before (required from version 2 on). */
  changeNote: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The cells of an imported file the office has still to confirm; null when nothing was
   * imported or the office has saved the tables since (saving is confirming).
   */
  readingNotes: ReadingNotes | null;
}

export const isEditable = (r: StoredReport): boolean => r.status !== 'published';
