// The shape of a report format definition. A format is data: the parser, the checks,
// the renderers and (later) the forms and computation all read the same definition.

export type FormatId = '2021' | '2019';

/** What a cell may hold: a count (non-negative integer), a signed integer (本年增/减), or an amount in 万元 (decimal). */
export type CellKind = 'count' | 'signed' | 'amount';

export interface ColumnDef {
  key: string;
  label: string;
  kind: CellKind;
  /** Header cell spanning this column and its neighbours (e.g. 法人或其他组织). */
  parentLabel?: string;
}

export interface RowDef {
  key: string;
  /** The label as the national format prints it, without its number. */
  label: string;
  /** Its number as printed: 「一、」「（一）」「1.」. */
  number: string;
  /** The outcome group it belongs to in table 三 (e.g. 'withheld' for 不予公开), if any. */
  group?: string;
  /** Other wordings seen in published reports, used by the parser only. */
  aliases?: readonly string[];
}

export interface ProactiveBlockDef {
  key: string;
  /** 「第二十条第（一）项」 */
  heading: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
}

export interface OutcomeGroupDef {
  key: string;
  number: string;
  label: string;
}

export interface RequestsTableDef {
  title: string;
  note: string;
  columns: readonly ColumnDef[];
  /** Rows in printed order, including the outcome rows and their total. */
  rows: readonly RowDef[];
  /** Outcome groups （一）–（六）in printed order; a group with a single row has no sub-rows. */
  outcomeGroups: readonly OutcomeGroupDef[];
  /** Keys of the 21 (2021) or 19 (2019) outcome rows that （七）总计 sums. */
  outcomeRowKeys: readonly string[];
}

export interface ReviewGroupDef {
  key: string;
  label: string;
  /** 行政诉讼 for the two litigation groups. */
  parentLabel?: string;
}

export interface ReviewTableDef {
  title: string;
  groups: readonly ReviewGroupDef[];
  columns: readonly ColumnDef[];
}

export type SectionKey = 'overview' | 'proactive' | 'requests' | 'review' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  /** 「一」…「六」 */
  numeral: string;
  title: string;
  /** Other wordings of the title seen in published reports, used by the parser only. */
  aliases?: readonly string[];
}

export interface ReportFormat {
  id: FormatId;
  /** The document that issued it. */
  basis: string;
  /** First and last report year the format applies to (inclusive); null = still current. */
  years: { from: number; to: number | null };
  sections: readonly SectionDef[];
  proactive: { title: string; blocks: readonly ProactiveBlockDef[] };
  requests: RequestsTableDef;
  review: ReviewTableDef;
}
