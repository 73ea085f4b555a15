// What each feature contributes to an agency's annual report for a year, computed from its
// own records: cells of the three tables and the facts the six sections are drafted from.
// The composer (this folder) merges every feature's source; a feature declares its source on
// its Feature object (`reportSource`), so the composer imports no feature and a feature
// knows nothing of drafting. Cells a source gives are computed, never typed; a table no
// source gives is typed by the office (or imported from last year's file).
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../calendar/dates.js';
import type { Database } from '../db/schema.js';
import type { Grid, ReportTables } from '../reports/model.js';

export interface YearQuery {
  db: Kysely<Database>;
  agencyId: string;
  year: number;
}

/** A new-media account as the report speaks of it (section 二). */
export interface MediaAccountFact {
  platform: string;
  name: string;
  /** Set when it was closed in the year. */
  closedOn: IsoDate | null;
  closedReason: string | null;
}

/** One dated activity: an open day, a training session, community-level work. */
export interface ActivityFact {
  date: IsoDate | null;
  title: string;
  detail: string | null;
}

/**
 * Facts the sections are drafted from. Every field is optional: a source fills what its
 * records know, and the draft says nothing it has no record of.
 */
export interface YearFacts {
  // 依申请公开 (requests)
  requestsReceived?: number;
  requestsCarriedIn?: number;
  requestsClosed?: number;
  requestsCarriedOut?: number;
  /** 信息处理费 collected in the year, in fen (section 六). */
  feesCollectedFen?: number;
  /** Requests this agency helped another agency handle (协查). */
  assistedRequests?: number;
  // 主动公开 (publications)
  publishedItems?: number;
  /** Items (or posts) published per channel in the year: website, wechat, weibo, … */
  publishedPerChannel?: Readonly<Record<string, number>>;
  mediaAccountsActive?: readonly MediaAccountFact[];
  mediaAccountsClosed?: readonly MediaAccountFact[];
  // 行政复议、行政诉讼 (review cases)
  reconsiderations?: number;
  lawsuits?: number;
  // other records
  openDays?: readonly ActivityFact[];
  trainings?: readonly ActivityFact[];
  communityWork?: readonly ActivityFact[];
  /** 人大代表建议 and 政协提案 handled: lead or assisting, closed or not. */
  deputySuggestions?: { lead: number; assisting: number; closed: number };
  cppccProposals?: { lead: number; assisting: number; closed: number };
}

export interface YearContribution {
  /** Cells computed from records, by table; a source gives whole tables or named rows. */
  tables?: Partial<Record<keyof ReportTables, Grid>>;
  facts?: YearFacts;
}

export interface ReportSource {
  /** What the figures come from, in Chinese, shown beside computed cells (e.g. 「依申请公开办件」). */
  label: string;
  contribute(query: YearQuery): Promise<YearContribution>;
}

/** The tables whose rows say an agency keeps that kind of record on this platform. */
export type RecordTable =
  | 'requests'
  | 'review_cases'
  | 'publications'
  | 'publication_year_figures'
  | 'publication_channel_counts';

/**
 * Whether the agency keeps any record of these kinds here. An agency that handles its
 * requests (or review cases, or catalogue) elsewhere has none, and a source then computes
 * nothing for it: the office types that table or imports it, instead of being handed zeros
 * that no record stands behind (issue: agencies without records here).
 */
export async function keepsRecordsHere(
  db: Kysely<Database>,
  agencyId: string,
  tables: readonly RecordTable[],
): Promise<boolean> {
  for (const table of tables) {
    const found = await sql<{ one: number }>`
      select 1 as one from ${sql.table(table)} where agency_id = ${agencyId} limit 1`.execute(db);
    if (found.rows.length > 0) return true;
  }
  return false;
}
