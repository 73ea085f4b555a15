// One page of a list and the total of the same filters: the count runs over the very query
// that is paged (its order dropped), so the two can never disagree.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './schema.js';

export interface Page<T> {
  rows: T[];
  total: number;
  /** The page shown: the one asked for, or the last page when that is past the end. */
  page: number;
  pageCount: number;
  pageSize: number;
}

export async function paginate<DB, TB extends keyof DB, O>(
  db: Kysely<Database>,
  // DB: the tables the query sees, aliases (`… as i`) included.
  query: SelectQueryBuilder<DB, TB, O>,
  request: { page: number; pageSize: number },
): Promise<Page<O>> {
  const pageSize = Math.max(1, Math.floor(request.pageSize));
  const counted = await db
    .selectFrom(query.clearOrderBy().as('counted'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(request.page)), pageCount);
  const rows = await query
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, page, pageCount, pageSize };
}

/**
 * One page of rows already in memory and in order — for the few lists whose order is not a
 * query's (the agency tree, shown depth-first), with the same shape as `paginate`.
 */
export function paginateRows<T>(
  rows: readonly T[],
  request: { page: number; pageSize: number },
): Page<T> {
  const pageSize = Math.max(1, Math.floor(request.pageSize));
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(request.page)), pageCount);
  return {
    rows: rows.slice((page - 1) * pageSize, page * pageSize),
    total,
    page,
    pageCount,
    pageSize,
  };
}
