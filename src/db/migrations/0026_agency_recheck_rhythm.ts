// Each agency's own rhythm of re-checks (清查): 每季度 / 每半年 / 每年 / 不定期, a column on
// the agency, 每年 for every agency until it chooses (the platform's yearly round as before).
// The values are those of src/publications/recheck-period.ts, held to them by a CHECK, so a
// row never holds a rhythm the schedule cannot read. See docs/decisions/0019-publications.md.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('recheck_rhythm', 'text', (col) =>
      col
        .notNull()
        .defaultTo('yearly')
        .check(sql`recheck_rhythm IN ('quarterly', 'half_yearly', 'yearly', 'irregular')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').dropColumn('recheck_rhythm').execute();
}
