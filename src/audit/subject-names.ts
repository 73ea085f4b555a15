// Display names of audit subjects, so the audit log can say 「灵山卫街道办事处」 or
// 「GK-…」 instead of an id. Each feature names the subjects it owns
// (`Feature.auditSubjectNames`); the feature list combines them (src/features.ts), so the
// audit log knows no feature's tables. A namer never returns applicant data: a request
// case is named by its tracking number.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The names of those of `ids` that this namer knows; ids it does not know are left out. */
export type SubjectNamer = (
  db: Kysely<Database>,
  ids: readonly string[],
) => Promise<Iterable<readonly [string, string]>>;

/** A namer for rows of one table, looked up by their `id` and named by `format`. */
export function rowNames<C extends string>(
  table: keyof Database,
  columns: readonly C[],
  format: (row: Record<C, string | number>) => string,
): SubjectNamer {
  return async (db, ids) => {
    // The table and columns come from the features' own declarations, never from input;
    // the database test of the feature list runs every namer against the real schema.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = (await (db as Kysely<any>)
      .selectFrom(table)
      .select(['id', ...columns])
      .where('id', 'in', ids)
      .execute()) as Record<string, string | number>[];
    return rows.map((r) => [String(r.id), format(r as Record<C, string | number>)] as const);
  };
}

/** All namers as one: each is asked once, for every id; a later one never overrides. */
export function combineNamers(namers: readonly SubjectNamer[]): SubjectNamer {
  return async (db, ids) => {
    const wanted = [...new Set(ids)].filter((id) => id.length > 0);
    const names = new Map<string, string>();
    if (wanted.length === 0) return names;
    for (const namer of namers)
      for (const [id, name] of await namer(db, wanted)) if (!names.has(id)) names.set(id, name);
    return names;
  };
}
