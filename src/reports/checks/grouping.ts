// Findings that share one cause, and the likely correction where the arithmetic decides it.
// One wrong cell often breaks several sums at once (the seed's misplaced 总计 breaks the
// 总计 column and its balance): each sum that fails suggests the cells that would mend it;
// a change to one cell that mends two or more failing sums and breaks none is the likely
// cause, and its findings are shown together with the correction, e.g.
// 「“总计”列第一项应为9（8+1）」. A change that mends only its own sum is not offered: any
// cell of that sum could be the wrong one. Pure; the checks themselves are unchanged.
import type { AnnualReport, Finding } from '../model.js';
import { cell, numeric } from './cells.js';
import { REQUESTS, REVIEW_TOTAL } from './keys.js';
import { columnLabel, formatOf, num, rowLabel } from './labels.js';
import {
  checkRequestsBalance,
  checkRequestsOutcomeSum,
  checkRequestsTotalColumn,
} from './requests.js';
import { checkReviewSums } from './review.js';

export interface FindingGroup {
  /** Positions (0-based) in the findings given, in order. */
  members: number[];
  /** The likely correction, in Chinese; present when the arithmetic decides it. */
  correction: string;
}

type Table = 'requests' | 'review';

interface Change {
  table: Table;
  row: string;
  column: string;
  value: number;
  /** How the value comes about, e.g. 「8+1」. */
  how: string;
  /** A second cell changed with it (a number entered one column off). */
  also?: { column: string; value: number };
}

const ARITHMETIC = new Set(['T3_BALANCE', 'T3_TOTAL_COLUMN', 'T3_OUTCOME_SUM', 'T4_SUM']);

const PRIORITY = ['T3_TOTAL_COLUMN', 'T4_SUM', 'T3_OUTCOME_SUM', 'T3_BALANCE'];

const keyOf = (f: Finding) => [f.code, f.table, f.row, f.column].join('|');

function arithmetic(report: AnnualReport): Finding[] {
  return [
    ...checkRequestsBalance(report),
    ...checkRequestsTotalColumn(report),
    ...checkRequestsOutcomeSum(report),
    ...checkReviewSums(report),
  ];
}

/** 「8+1」 from the non-zero terms (「0」 when all are zero); minus terms as 「−」. */
function sumText(plus: readonly number[], minus: readonly number[] = []): string {
  const parts = [
    ...plus.filter((n) => n !== 0).map((n, i) => (i === 0 ? num(n) : `+${num(n)}`)),
    ...minus.filter((n) => n !== 0).map((n) => `−${num(n)}`),
  ];
  return parts.length === 0 ? '0' : parts.join('');
}

/** The cell changes that would make one failing sum hold. */
function candidates(report: AnnualReport, f: Finding): Change[] {
  return [...sums(report, f), ...single(report, f)];
}

function sums(report: AnnualReport, f: Finding): Change[] {
  const format = formatOf(report);
  const v = (table: Table, row: string, column: string) =>
    numeric(cell(report.tables[table], row, column));
  const out: Change[] = [];
  if (f.code === 'T3_TOTAL_COLUMN' && f.row) {
    const parts = format.requests.columns.filter((c) => c.key !== REQUESTS.totalColumn);
    const values = parts.map((c) => v('requests', f.row!, c.key));
    const total = v('requests', f.row, REQUESTS.totalColumn);
    if (values.some((x) => x === undefined) || total === undefined) return out;
    const nums = values as number[];
    const sum = nums.reduce((a, b) => a + b, 0);
    out.push({
      table: 'requests',
      row: f.row,
      column: REQUESTS.totalColumn,
      value: sum,
      how: sumText(nums),
    });
    parts.forEach((c, i) => {
      const others = nums.filter((_, j) => j !== i);
      const value = total - (sum - nums[i]!);
      if (value >= 0)
        out.push({
          table: 'requests',
          row: f.row!,
          column: c.key,
          value,
          how: sumText([total], others),
        });
    });
  }
  if (f.code === 'T3_BALANCE' && f.column) {
    const c = f.column;
    const [r, i, o, co] = [
      REQUESTS.received,
      REQUESTS.carriedIn,
      REQUESTS.outcomeTotal,
      REQUESTS.carriedOut,
    ].map((row) => v('requests', row, c));
    if ([r, i, o, co].some((x) => x === undefined)) return out;
    const [R, I, O, CO] = [r, i, o, co] as number[];
    const push = (row: string, value: number, how: string) => {
      if (value >= 0) out.push({ table: 'requests', row, column: c, value, how });
    };
    push(REQUESTS.received, O! + CO! - I!, sumText([O!, CO!], [I!]));
    push(REQUESTS.carriedIn, O! + CO! - R!, sumText([O!, CO!], [R!]));
    push(REQUESTS.outcomeTotal, R! + I! - CO!, sumText([R!, I!], [CO!]));
    push(REQUESTS.carriedOut, R! + I! - O!, sumText([R!, I!], [O!]));
  }
  return out;
}

/**
 * A number entered one column off: two columns whose balances fail by the same amount in
 * opposite directions, mended by moving it between their first (or third) items.
 */
function moves(report: AnnualReport, failing: readonly Finding[]): Change[] {
  const out: Change[] = [];
  const balance = failing.filter(
    (f) => f.code === 'T3_BALANCE' && f.column && f.expected !== null && f.actual !== null,
  );
  for (const a of balance) {
    for (const b of balance) {
      const da = a.actual! - a.expected!; // how much the inflow of a falls short
      const db = b.actual! - b.expected!;
      if (a === b || da <= 0 || da + db !== 0) continue;
      // a's first item is short by da, b's is over by da: da of b's belongs to a.
      const row = REQUESTS.received;
      const va = numeric(cell(report.tables.requests, row, a.column!));
      const vb = numeric(cell(report.tables.requests, row, b.column!));
      if (va === undefined || vb === undefined || vb < da) continue;
      out.push({
        table: 'requests',
        row,
        column: a.column!,
        value: va + da,
        how: `${num(da)}填在了“${columnLabel(formatOf(report), 'requests', row, b.column!)}”列`,
        also: { column: b.column!, value: vb - da },
      });
    }
  }
  return out;
}

function single(report: AnnualReport, f: Finding): Change[] {
  const out: Change[] = [];
  if (f.code === 'T3_OUTCOME_SUM' && f.column && f.expected !== null) {
    out.push({
      table: 'requests',
      row: REQUESTS.outcomeTotal,
      column: f.column,
      value: f.expected,
      how: '各项处理结果之和',
    });
  }
  if (f.code === 'T4_SUM' && f.row && f.expected !== null) {
    out.push({
      table: 'review',
      row: f.row,
      column: REVIEW_TOTAL,
      value: f.expected,
      how: '四项结果之和',
    });
  }
  return out;
}

function withChange(report: AnnualReport, ch: Change): AnnualReport {
  const grid = report.tables[ch.table];
  const row = { ...(grid[ch.row] ?? {}), [ch.column]: ch.value };
  if (ch.also) row[ch.also.column] = ch.also.value;
  return { ...report, tables: { ...report.tables, [ch.table]: { ...grid, [ch.row]: row } } };
}

/** 「第一项」 for the rows the balance names so; otherwise the row's printed label. */
const BALANCE_ROW_NAMES: Readonly<Record<string, string>> = {
  [REQUESTS.received]: '第一项',
  [REQUESTS.carriedIn]: '第二项',
  [REQUESTS.outcomeTotal]: '第三项总计',
  [REQUESTS.carriedOut]: '第四项',
};

function describe(report: AnnualReport, ch: Change): string {
  const format = formatOf(report);
  const column = columnLabel(format, ch.table, ch.row, ch.column);
  const row =
    ch.table === 'requests' && BALANCE_ROW_NAMES[ch.row]
      ? BALANCE_ROW_NAMES[ch.row]!
      : `“${rowLabel(format, ch.table, ch.row)}”行`;
  if (ch.also) {
    const other = columnLabel(format, ch.table, ch.row, ch.also.column);
    return `“${column}”列${row}应为${num(ch.value)}、“${other}”列${row}应为${num(ch.also.value)}（${ch.how}）`;
  }
  const was = numeric(cell(report.tables[ch.table], ch.row, ch.column));
  const now = was === undefined ? '' : `，现为${num(was)}`;
  return ch.table === 'review'
    ? `${row}“${column}”应为${num(ch.value)}（${ch.how}${now}）`
    : `“${column}”列${row}应为${num(ch.value)}（${ch.how}${now}）`;
}

/**
 * Groups of findings with one likely cause each. Findings not in any group are not listed;
 * reading notes and non-arithmetic findings never are.
 */
export function groupFindings(report: AnnualReport, findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  let open = findings.map((f, i) => ({ f, i })).filter(({ f }) => ARITHMETIC.has(f.code));
  let current = report;
  for (;;) {
    const before = new Set(arithmetic(current).map(keyOf));
    // Sums over a row first: their 「8+1」 says best how a corrected total comes about.
    const ordered = [...open].sort(
      (a, b) => PRIORITY.indexOf(a.f.code) - PRIORITY.indexOf(b.f.code),
    );
    const changes = [
      ...ordered.flatMap(({ f }) => candidates(current, f)),
      ...moves(
        current,
        open.map(({ f }) => f),
      ),
    ];
    const seen = new Set<string>();
    const valid: { change: Change; mended: number[] }[] = [];
    for (const change of changes) {
      const id = `${change.table}|${change.row}|${change.column}|${change.value}|${change.also?.column ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const after = new Set(arithmetic(withChange(current, change)).map(keyOf));
      if ([...after].some((k) => !before.has(k))) continue; // breaks another sum
      const mended = open
        .filter(({ f: g }) => before.has(keyOf(g)) && !after.has(keyOf(g)))
        .map(({ i }) => i);
      if (mended.length >= 2) valid.push({ change, mended });
    }
    const most = Math.max(0, ...valid.map((v) => v.mended.length));
    const top = valid.filter((v) => v.mended.length === most);
    // Two different changes that mend some of the same findings equally well: the
    // arithmetic does not decide which is the mistake, so neither is offered.
    const decided = top.find(
      (v) => !top.some((w) => w !== v && w.mended.some((m) => v.mended.includes(m))),
    );
    if (!decided) return groups;
    groups.push({ members: decided.mended, correction: describe(current, decided.change) });
    current = withChange(current, decided.change);
    const taken = new Set(decided.mended);
    open = open.filter(({ i }) => !taken.has(i));
  }
}
