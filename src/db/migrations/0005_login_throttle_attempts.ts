// The sign-in throttle now reserves each attempt before its password is checked, so the
// counter holds reserved attempts (failures plus checks still running), not only failures.
// At rest the two are the same number, so existing rows keep their meaning.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_throttle').renameColumn('failures', 'attempts').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_throttle').renameColumn('attempts', 'failures').execute();
}
