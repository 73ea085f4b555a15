// An e-mail address per staff account, optional: the daily reminder digest goes to the
// request staff themselves (承办人, 负责人) where they have one, and to the disclosure
// office's mailbox only when none of them has. See docs/decisions/0023-request-years.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('email', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('email').execute();
}
