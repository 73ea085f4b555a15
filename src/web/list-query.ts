// Reading a list page's query string: page, sort and filters, each checked against what
// the page declares. A value that does not pass is dropped (and named in Chinese) instead
// of reaching a query, so a sort key or filter can never carry SQL or markup further.
// Links to other pages, sorts and filters are built from the checked values only.

import { textProblem } from '../validation/text-input.js';

export type Direction = 'asc' | 'desc';

/** Parses one filter's raw text: its value, or why it was refused (in Chinese). */
export type FilterParser<T> = (
  raw: string,
) => { ok: true; value: T } | { ok: false; error: string };

export interface ListSpec<F extends Record<string, FilterParser<unknown>>, S extends string> {
  filters: F;
  sorts: readonly S[];
  defaultSort: S;
  defaultDirection: Direction;
  pageSize: number;
}

export type FilterValues<F extends Record<string, FilterParser<unknown>>> = {
  [K in keyof F]?: F[K] extends FilterParser<infer T> ? T : never;
};

export interface ListChanges<F extends Record<string, FilterParser<unknown>>, S extends string> {
  page?: number;
  sort?: S;
  direction?: Direction;
  /** New filter values; undefined removes the filter. */
  filters?: { [K in keyof F]?: string | undefined };
}

export interface ListQuery<F extends Record<string, FilterParser<unknown>>, S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  direction: Direction;
  filters: FilterValues<F>;
  /** What was ignored, in Chinese, e.g. 「页码“abc”无效，已显示第 1 页」. */
  problems: string[];
  /** The link to this list with `changes` applied; a new sort or filter goes back to page 1. */
  hrefFor(changes: ListChanges<F, S>): string;
}

export const MAX_PAGE = 100_000;
const RESERVED = new Set(['page', 'sort', 'dir']);

type Raw = Readonly<Record<string, string | undefined>>;

export function parseListQuery<F extends Record<string, FilterParser<unknown>>, S extends string>(
  path: string,
  query: Raw,
  spec: ListSpec<F, S>,
): ListQuery<F, S> {
  for (const name of Object.keys(spec.filters)) {
    if (RESERVED.has(name)) throw new Error(`filter name ${name} is reserved`);
  }
  const problems: string[] = [];
  let page = 1;
  const rawPage = query.page?.trim();
  if (rawPage) {
    if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1 && Number(rawPage) <= MAX_PAGE)
      page = Number(rawPage);
    else problems.push(`页码“${clip(rawPage)}”无效，已显示第 1 页`);
  }
  let sort = spec.defaultSort;
  const rawSort = query.sort?.trim();
  if (rawSort) {
    if ((spec.sorts as readonly string[]).includes(rawSort)) sort = rawSort as S;
    else problems.push(`排序方式“${clip(rawSort)}”无效，已按默认顺序排列`);
  }
  let direction = spec.defaultDirection;
  const rawDir = query.dir?.trim();
  if (rawDir) {
    if (rawDir === 'asc' || rawDir === 'desc') direction = rawDir;
    else problems.push(`排序方向“${clip(rawDir)}”无效，已按默认方向排列`);
  }
  const filters: Record<string, unknown> = {};
  const kept: Record<string, string> = {};
  for (const [name, parse] of Object.entries(spec.filters)) {
    const raw = query[name]?.trim();
    if (!raw) continue;
    const result = parse(raw);
    if (result.ok) {
      filters[name] = result.value;
      kept[name] = raw;
    } else problems.push(result.error);
  }

  const hrefFor = (changes: ListChanges<F, S>): string => {
    const params = new URLSearchParams();
    const nextFilters: Record<string, string | undefined> = { ...kept };
    for (const [name, value] of Object.entries(changes.filters ?? {}))
      nextFilters[name] = (value as string | undefined) || undefined;
    for (const [name, value] of Object.entries(nextFilters))
      if (value !== undefined) params.set(name, value);
    const nextSort = changes.sort ?? sort;
    const nextDir = changes.direction ?? (changes.sort ? spec.defaultDirection : direction);
    if (nextSort !== spec.defaultSort || nextDir !== spec.defaultDirection) {
      params.set('sort', nextSort);
      params.set('dir', nextDir);
    }
    const resets = changes.filters !== undefined || changes.sort !== undefined;
    const nextPage = changes.page ?? (resets ? 1 : page);
    if (nextPage > 1) params.set('page', String(nextPage));
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };

  return {
    page,
    pageSize: spec.pageSize,
    sort,
    direction,
    filters: filters as FilterValues<F>,
    problems,
    hrefFor,
  };
}

/** Keeps echoed input short in messages. */
function clip(raw: string): string {
  return raw.length > 20 ? `${raw.slice(0, 20)}…` : raw;
}

// Filter parsers most lists need.

/** One of a fixed set of values (e.g. the options of a select). */
export function oneOf<T extends string>(label: string, values: readonly T[]): FilterParser<T> {
  return (raw) =>
    (values as readonly string[]).includes(raw)
      ? { ok: true, value: raw as T }
      : { ok: false, error: `${label}“${clip(raw)}”无效，已忽略` };
}

/** A calendar date written YYYY-MM-DD that exists. */
export function isoDate(label: string): FilterParser<string> {
  return (raw) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    const d = m ? new Date(`${raw}T00:00:00Z`) : null;
    return d && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === raw
      ? { ok: true, value: raw }
      : {
          ok: false,
          error: `${label}“${clip(raw)}”不是有效日期（格式：年-月-日，如 2024-09-27），已忽略`,
        };
  };
}

/** An identifier as the application writes them (UUIDs, dates, slugs): letters, digits, - _ , . : */
export function identifier(label: string, max = 100): FilterParser<string> {
  return (raw) =>
    raw.length <= max && /^[A-Za-z0-9._:,-]+$/.test(raw)
      ? { ok: true, value: raw }
      : { ok: false, error: `${label}“${clip(raw)}”无效，已忽略` };
}

/** Words to search for: any one-line text of the text rule, at most `max` characters. */
export function searchText(label: string, max = 50): FilterParser<string> {
  return (raw) => {
    if (raw.length > max)
      return { ok: false, error: `${label}最多${max}个字，“${clip(raw)}”已忽略` };
    const problem = textProblem(raw, label);
    return problem ? { ok: false, error: `${problem}，已忽略` } : { ok: true, value: raw };
  };
}
