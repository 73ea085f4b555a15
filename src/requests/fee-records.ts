// The fees of stored cases: the place of an application among its applicant's applications
// of the month (for the per-application scale), and the fees collected in a year (section
// 六 of the annual report). A payment is the `fee_paid` event of a case, its amount in
// integer fen in the event's data (written by the step command from the notice).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { feesCollectedInYear as sumOfYear, ordinalInMonth, type Fen } from './fees.js';

type Q = Kysely<Database>;

/**
 * The place (from 1) of case `requestId` among the same applicant's applications to the
 * same agency received in its calendar month. The same applicant: the same ID number or
 * 统一社会信用代码; an applicant without either is counted alone.
 */
export async function applicationOrdinalInMonth(db: Q, requestId: string): Promise<number> {
  const me = await db
    .selectFrom('requests')
    .innerJoin('request_applicants', 'request_applicants.request_id', 'requests.id')
    .select([
      'requests.agency_id',
      'requests.received_on',
      'request_applicants.id_number',
      'request_applicants.credit_code',
    ])
    .where('requests.id', '=', requestId)
    .executeTakeFirstOrThrow();
  if (!me.received_on) throw new Error(`request ${requestId} has no date of receipt`);
  const identity = me.id_number ?? me.credit_code;
  if (!identity) return 1;
  const month = me.received_on.slice(0, 7);
  const rows = await db
    .selectFrom('requests')
    .innerJoin('request_applicants', 'request_applicants.request_id', 'requests.id')
    .select(['requests.id', 'requests.received_on'])
    .where('requests.agency_id', '=', me.agency_id)
    .where('requests.received_on', '>=', `${month}-01`)
    .where('requests.received_on', '<=', `${month}-31`)
    .where((eb) =>
      me.id_number
        ? eb('request_applicants.id_number', '=', me.id_number)
        : eb('request_applicants.credit_code', '=', me.credit_code),
    )
    .orderBy('requests.received_on')
    .orderBy('requests.created_at')
    .orderBy('requests.id')
    .execute();
  const index = rows.findIndex((r) => r.id === requestId);
  return ordinalInMonth(
    rows.map((r) => r.received_on as string),
    index,
  );
}

/** The fees (fen) whose payment was recorded in `year` for the agency's cases: for section 六. */
export async function feesCollectedInYear(db: Q, agencyId: string, year: number): Promise<Fen> {
  const rows = await db
    .selectFrom('request_events')
    .innerJoin('requests', 'requests.id', 'request_events.request_id')
    .select(['request_events.on_date', 'request_events.data'])
    .where('requests.agency_id', '=', agencyId)
    .where('request_events.type', '=', 'fee_paid')
    .where('request_events.on_date', '>=', `${year}-01-01`)
    .where('request_events.on_date', '<=', `${year}-12-31`)
    .execute();
  return sumOfYear(
    rows.map((r) => {
      const data = r.data ? (JSON.parse(r.data) as { amountFen?: unknown }) : {};
      if (typeof data.amountFen !== 'number')
        throw new Error('a fee_paid event without its amount');
      return { paidOn: r.on_date, fen: data.amountFen };
    }),
    year,
  );
}
