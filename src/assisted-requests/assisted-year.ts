// How many requests this agency helped another agency handle (协查) in a year, for the annual
// report: those it received in the year, the day the other agency's request for help came.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export async function countAssistedInYear(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<number> {
  const r = await db
    .selectFrom('assisted_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('agency_id', '=', agencyId)
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
