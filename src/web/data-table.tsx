// A list as a real table: a caption, column headers scoped to their columns, and sortable
// headers as plain links (no JavaScript) that say how the table is sorted (aria-sort).
import type { Child } from 'hono/jsx';
import type { Direction } from './list-query.js';

export interface Column<T, S extends string = string> {
  label: string;
  cell: (row: T) => Child;
  /** The list's sort key for this column, when it can be sorted by. */
  sortKey?: S;
}

export interface TableSort<S extends string = string> {
  sort: S;
  direction: Direction;
  /** The link that sorts by `sort` in `direction`. */
  hrefFor(changes: { sort: S; direction: Direction }): string;
}

export interface DataTableProps<T, S extends string = string> {
  caption: Child;
  columns: readonly Column<T, S>[];
  rows: readonly T[];
  sorting?: TableSort<S>;
  /** Shown in place of the rows when there are none. */
  empty?: string;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROW = { asc: '（升序）', desc: '（降序）' } as const;

function Header<T, S extends string>({
  column,
  sorting,
}: {
  column: Column<T, S>;
  sorting: TableSort<S> | undefined;
}) {
  if (!column.sortKey || !sorting) return <th scope="col">{column.label}</th>;
  const current = sorting.sort === column.sortKey;
  const next: Direction = current && sorting.direction === 'desc' ? 'asc' : 'desc';
  return (
    <th scope="col" aria-sort={current ? ARIA_SORT[sorting.direction] : undefined}>
      <a href={sorting.hrefFor({ sort: column.sortKey, direction: next })}>
        {column.label}
        {current ? ARROW[sorting.direction] : null}
      </a>
    </th>
  );
}

export function DataTable<T, S extends string = string>(p: DataTableProps<T, S>) {
  return (
    <table class="data">
      <caption>{p.caption}</caption>
      <thead>
        <tr>
          {p.columns.map((column) => (
            <Header column={column} sorting={p.sorting} />
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.length === 0 ? (
          <tr>
            <td colspan={p.columns.length}>{p.empty ?? '没有符合条件的记录。'}</td>
          </tr>
        ) : (
          p.rows.map((row) => (
            <tr>
              {p.columns.map((column) => (
                <td>{column.cell(row)}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** The filters a list ignored (see ListQuery.problems), said once above the list. */
export function ListProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="notice warn">
      <p>以下筛选条件有误，已忽略：{problems.join('；')}。</p>
    </div>
  );
}
