// Turns a database's "this value is already taken" error into the form field it is about.
// A unique constraint is the only judge of uniqueness that holds under concurrency: a
// check-then-insert lets two simultaneous requests both see "free" and the second insert
// fail. Services therefore insert (or update) and, when the constraint refuses, give the
// same Chinese form error a person would get for a name already in use.
//
// PostgreSQL aborts the whole transaction on such an error, so the mapping is done outside
// the transaction, after Kysely has rolled it back: the change and its audit event are both
// gone, and nothing more may be run on the aborted transaction.

/** A unique column and the form field that typed it. */
export interface UniqueKey<F extends string> {
  table: string;
  column: string;
  /** The constraint's name on PostgreSQL (a column's `unique()` is named `<table>_<column>_key`). */
  constraint: string;
  field: F;
}

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** The table.column pairs a better-sqlite3 SQLITE_CONSTRAINT_UNIQUE error names. */
function sqliteColumns(message: string): string[] {
  const m = /^UNIQUE constraint failed: (.+)$/.exec(message);
  return m?.[1] ? m[1].split(',').map((s) => s.trim()) : [];
}

/**
 * The field of `keys` whose unique constraint `error` reports, or null when `error` is
 * anything else (including a primary-key clash, which no person typed) — rethrow it then.
 */
export function uniqueViolationField<F extends string>(
  error: unknown,
  keys: readonly UniqueKey<F>[],
): F | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as DriverError;
  if (e.code === '23505' && typeof e.constraint === 'string') {
    return keys.find((k) => k.constraint === e.constraint)?.field ?? null;
  }
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string') {
    const columns = sqliteColumns(e.message);
    return keys.find((k) => columns.includes(`${k.table}.${k.column}`))?.field ?? null;
  }
  return null;
}

/**
 * Runs `write` (a whole transaction) and, when a unique constraint of `keys` refuses it,
 * returns `onTaken(field)` instead of throwing. Any other error is rethrown.
 */
export async function mapUniqueViolation<T, F extends string>(
  keys: readonly UniqueKey<F>[],
  write: () => Promise<T>,
  onTaken: (field: F) => T,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const field = uniqueViolationField(error, keys);
    if (field === null) throw error;
    return onTaken(field);
  }
}
