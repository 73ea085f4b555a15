// The annual report as data: what the parser produces, the checks read, the renderers
// print and (later) the composer computes from case records.
import type { FormatId, SectionKey } from './format/index.js';

/**
 * A cell as read: a number; `null` for a cell left empty (read as 0, and reported);
 * or the printed text when it is not a number at all (reported as CELL_INVALID).
 */
export type CellValue = number | null | string;

/** rowKey → columnKey → value. For table 四 the "row" is the group (reconsideration, …). */
export type Grid = Record<string, Record<string, CellValue>>;

export interface ReportTables {
  proactive: Grid;
  requests: Grid;
  review: Grid;
}

export interface ReportSection {
  key: SectionKey;
  /** The heading as printed (e.g. 「3、 收到和处理政府信息公开申请情况」), or null when the section is absent. */
  heading: string | null;
  /** The prose of the section, tables excluded. */
  text: string;
}

export interface AnnualReport {
  /** The agency as the report names it. */
  agency: string | null;
  /** The year reported on. */
  year: number | null;
  format: FormatId;
  /** Date of publication or signature, `YYYY-MM-DD`. */
  publishedOn: string | null;
  /**
   * The text printed between the title and section 一 (「本报告根据…编制…」); absent when the
   * report has none. Optional so that reports read or stored before it existed stay valid.
   */
  preamble?: string;
  /** The six sections in order; an absent one has heading null. */
  sections: ReportSection[];
  tables: ReportTables;
}

export type Severity = 'error' | 'warning';

export type FindingCode =
  | 'T3_BALANCE'
  | 'T3_TOTAL_COLUMN'
  | 'T3_OUTCOME_SUM'
  | 'T4_SUM'
  | 'CELL_INVALID'
  | 'SECTION_MISSING'
  | 'CARRY_OVER'
  | 'SECTION_NUMBERING'
  | 'OLD_FORMAT'
  | 'CELL_AMBIGUOUS'
  | 'NOT_ASSESSED'
  | 'CELL_EMPTY'
  | 'NARRATIVE_MISMATCH'
  | 'T2_STOCK'
  | 'SAME_AS_LAST_YEAR'
  | 'LATE';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  table: 'proactive' | 'requests' | 'review' | null;
  /** Row key; for table 四 the group key; null for a finding about a whole column or section. */
  row: string | null;
  column: string | null;
  section: SectionKey | null;
  expected: number | null;
  actual: number | null;
  /** What a disclosure officer reads, in Chinese. */
  message: string;
}
