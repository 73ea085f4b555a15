// Table 三 of an agency's year from its stored cases, and what the requests feature gives the
// annual report (src/annual-reports/year-sources.ts). The counting rules live once, in
// year-table.ts; SQL only groups. A case's place in one year's table depends on no more than
// its category, whether it was received before the year, whether it was closed by the year's
// end and with which outcome — so the database counts the cases that touch the year by those
// four, and each group is handed to yearTable as one summary standing for all of its cases
// (received on 1 January or carried in from 31 December before; closed on 31 December or
// still open). No personal data is read: the applicant table is not joined.
import { feesCollectedInYear } from './fee-records.js';
import { sql, type Kysely } from 'kysely';
import {
  keepsRecordsHere,
  type ReportSource,
  type YearQuery,
} from '../annual-reports/year-sources.js';
import { countAssistedInYear } from '../assisted-requests/assisted-year.js';
import type { Database } from '../db/schema.js';
import type { ApplicantCategory } from './case.js';
import type { OutcomeKey } from './outcomes.js';
import { yearTable, type CaseSummary, type YearTable } from './year-table.js';

export interface YearGroup {
  category: string;
  /** Received before 1 January: carried in. */
  carriedIn: boolean;
  /** Closed on or before 31 December. */
  closedInYear: boolean;
  /** The outcome of a case closed in the year (null otherwise). */
  outcome: string | null;
  count: number;
}

/** The agency's received cases that are open at some moment of `year`, counted by group. */
export async function yearGroups(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<YearGroup[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const carried = sql<number>`case when received_on < ${start} then 1 else 0 end`;
  const closed = sql<number>`case when closed_on is not null and closed_on <= ${end} then 1 else 0 end`;
  const outcome = sql<
    string | null
  >`case when closed_on is not null and closed_on <= ${end} then outcome else null end`;
  // Grouped over a derived table: PostgreSQL cannot match parameterised expressions of the
  // select list with the same ones in GROUP BY.
  const touching = db
    .selectFrom('requests')
    .select([
      'category',
      carried.as('carried_in'),
      closed.as('closed_in_year'),
      outcome.as('year_outcome'),
    ])
    .where('agency_id', '=', agencyId)
    .where('received_on', 'is not', null)
    .where('received_on', '<=', end)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', start)]))
    .as('touching');
  const rows = await db
    .selectFrom(touching)
    .select([
      'category',
      'carried_in',
      'closed_in_year',
      'year_outcome',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .groupBy(['category', 'carried_in', 'closed_in_year', 'year_outcome'])
    .execute();
  return rows.map((r) => ({
    category: r.category,
    carriedIn: Number(r.carried_in) === 1,
    closedInYear: Number(r.closed_in_year) === 1,
    outcome: r.year_outcome,
    count: Number(r.n),
  }));
}

/** Each group as `count` summaries with the year's boundary dates (see the file comment). */
export function* summariesOf(groups: readonly YearGroup[], year: number): Generator<CaseSummary> {
  for (const g of groups) {
    const summary: CaseSummary = {
      category: g.category as ApplicantCategory,
      receivedOn: g.carriedIn ? `${year - 1}-12-31` : `${year}-01-01`,
      closedOn: g.closedInYear ? `${year}-12-31` : null,
      outcome: g.closedInYear ? (g.outcome as OutcomeKey | null) : null,
    };
    for (let i = 0; i < g.count; i += 1) yield summary;
  }
}

/** Table 三 of `agencyId` for `year`, from its cases. Throws YearTableInputError for a stored case it cannot count. */
export async function yearFigures(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<YearTable> {
  return yearTable(summariesOf(await yearGroups(db, agencyId, year), year), year);
}

export const requestsReportSource: ReportSource = {
  label: '依申请公开办件',
  async contribute({ db, agencyId, year }: YearQuery) {
    if (!(await keepsRecordsHere(db, agencyId, ['requests']))) {
      // Requests handled elsewhere: table 三 is typed by the office; 协查 is still recorded here.
      const assisted = await countAssistedInYear(db, agencyId, year);
      return assisted > 0 ? { facts: { assistedRequests: assisted } } : {};
    }
    const [table, assisted, fees] = await Promise.all([
      yearFigures(db, agencyId, year),
      countAssistedInYear(db, agencyId, year),
      feesCollectedInYear(db, agencyId, year),
    ]);
    const total = (row: string) => Number(table.grid[row]?.total ?? 0);
    return {
      tables: { requests: table.grid },
      facts: {
        requestsReceived: total('received'),
        requestsCarriedIn: total('carried_in'),
        requestsClosed: total('outcome_total'),
        requestsCarriedOut: total('carried_out'),
        assistedRequests: assisted,
        feesCollectedFen: fees,
      },
    };
  },
};
