// PostgreSQL change notices: every statement that writes to a table of the app's schema sends
// a NOTIFY in its own transaction (delivered when it commits, once per transaction, never for
// one rolled back), through the app or not — psql, a restore, another version of the app. The
// listener (change-listener.ts) turns them into the page cache's change mark. Installed on
// every table by the migration runner, so tables added by later migrations are covered too.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The channel; the payload is the schema written to, so schemas sharing a database (tests,
 * benches) do not wake each other's caches. */
export const CHANGE_CHANNEL = 'gongkai_changes';

const NOTICE = 'gongkai_change_notice';

/**
 * The tables of the current schema without the notice. A listener vouches for nothing while
 * one is missing: a write to it would go unheard.
 */
export const UNCOVERED_TABLES_SQL = `
  SELECT c.relname AS table_name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    AND NOT EXISTS (
      SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = '${NOTICE}'
    )`;

/**
 * Puts the notice on every table of the current schema that lacks it (statement-level, for
 * INSERT, UPDATE, DELETE and TRUNCATE: one call per statement, whatever the rows). Idempotent,
 * and serialised per schema so that instances migrating at once do not race on the catalog.
 * Returns the tables it covered.
 */
export async function installChangeNotices(kysely: Kysely<Database>): Promise<string[]> {
  const missing = async (db: Kysely<Database>) =>
    (await sql.raw<{ table_name: string }>(UNCOVERED_TABLES_SQL).execute(db)).rows.map(
      (r) => r.table_name,
    );
  if ((await missing(kysely)).length === 0) return [];
  return kysely.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ${`.${NOTICE}`}))`.execute(
      trx,
    );
    const tables = await missing(trx);
    if (tables.length === 0) return [];
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${NOTICE}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM pg_notify('${CHANGE_CHANNEL}', TG_TABLE_SCHEMA);
           RETURN NULL;
         END $$`,
      )
      .execute(trx);
    for (const table of tables)
      await sql
        .raw(
          `CREATE TRIGGER ${NOTICE} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
           ON "${table.replaceAll('"', '""')}" FOR EACH STATEMENT EXECUTE FUNCTION ${NOTICE}()`,
        )
        .execute(trx);
    return tables;
  });
}
