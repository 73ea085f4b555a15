// Check results kept for a short while so that the summary CSV can be downloaded after the
// results page is shown, without uploading the files again (a browser cannot re-send a
// file input, and the page works without JavaScript). Kept in the `check_results` table, so
// a download link survives a restart and works on any instance; keyed by a random 128-bit
// id and bound to the account that ran the check. Only the CSV text is kept, which holds
// report figures and findings but no applicant's personal data (the reports hold none).
// Expired rows are removed by the purge job. See docs/decisions/0009-report-rendering.md
// and 0013-jobs-and-files.md.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export const RESULT_TTL_MINUTES = 120;
/** Per account: a runaway script cannot fill the database with results. */
const MAX_RESULTS_PER_OWNER = 50;

/** Keeps the CSV for `owner` and returns its id (unguessable: 128 random bits). */
export async function saveCheckResult(
  db: Q,
  owner: string,
  csv: string,
  now: Date,
): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('check_results')
      .values({
        id,
        owner_id: owner,
        csv,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESULT_TTL_MINUTES * 60_000).toISOString(),
      })
      .execute();
    await trx
      .deleteFrom('check_results')
      .where('owner_id', '=', owner)
      .where((eb) =>
        eb(
          'id',
          'not in',
          eb
            .selectFrom('check_results')
            .select('id')
            .where('owner_id', '=', owner)
            .orderBy('created_at', 'desc')
            .orderBy('id', 'desc')
            .limit(MAX_RESULTS_PER_OWNER),
        ),
      )
      .execute();
  });
  return id;
}

/** The CSV, if it exists, has not expired and belongs to `owner`. */
export async function findCheckResult(
  db: Q,
  id: string,
  owner: string,
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('check_results')
    .select('csv')
    .where('id', '=', id)
    .where('owner_id', '=', owner)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.csv ?? null;
}

export async function purgeExpiredCheckResults(db: Q, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('check_results')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
