// A stored annual report: one version of an agency's report on a year, and where it is in
// drafted → approved (by the office head) → published. A published version is never changed.
import type { TableKey } from '../reports/format/index.js';
import type { AnnualReport } from '../reports/model.js';

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
}

export const isEditable = (r: StoredReport): boolean => r.status !== 'published';
