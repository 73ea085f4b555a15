import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { installChangeNotices } from './change-notices.js';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

export class MigrationError extends Error {}

/** The migrator of the app's migrations for `db`, with the schema it works in. */
export async function migratorFor(
  db: Db,
): Promise<{ migrator: Migrator; schema: string | undefined }> {
  // On PostgreSQL name the schema explicitly: otherwise Kysely looks for its lock table in
  // every schema, finds another schema's (tests run side by side) and never creates its own.
  const schema =
    db.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  return { migrator, schema };
}

/** Brings the database to the latest schema. Idempotent. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { migrator, schema } = await migratorFor(db);
  let result: MigrationResultSet = await migrator.migrateToLatest();
  // Kysely's PostgreSQL introspection reads every schema's tables; when another schema is
  // dropped at that moment (parallel test runs do this) it fails with 'schema "x" does not
  // exist', or a column or table of it vanishing under the catalog scan, before any
  // migration ran. Nothing was changed then, so trying again is safe.
  for (let attempt = 1; attempt < 5 && isForeignSchemaRace(result, schema); attempt++) {
    result = await migrator.migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(
      `数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String((result.error as Error).message ?? result.error)}`,
      { cause: result.error },
    );
  }
  // Every table, those just made included, tells the page cache's listeners when it changes.
  if (db.dialect === 'postgres') await installChangeNotices(db.kysely);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** PostgreSQL codes of an object that vanished: undefined column, table, schema. */
const VANISHED = new Set(['42703', '42P01', '3F000']);

function isForeignSchemaRace(result: MigrationResultSet, ownSchema: string | undefined): boolean {
  // Only an error before any migration ran (none succeeded, none failed) is a catalog race.
  if (!result.error || !ownSchema || (result.results ?? []).some((r) => r.status !== 'NotExecuted'))
    return false;
  const error = result.error as Error & { code?: string };
  const m = /^schema "([^"]+)" does not exist$/.exec(String(error.message ?? ''));
  if (m) return m[1] !== ownSchema;
  return error.code !== undefined && VANISHED.has(error.code);
}
