// Findings that share one cause, and the likely correction where the arithmetic decides it.
// One wrong cell often breaks several sums at once (the seed's misplaced 总计 breaks the
// 总计 column and its balance): each sum that fails suggests the changes that would mend it;
// a change that mends two or more failing sums and breaks none is the likely cause, and its
// findings are shown together with ONE correction, e.g. 「“总计”列第一项应为9（8+1）」. A
// change that mends only its own sum is not offered: any cell of that sum could be the wrong
// one. Nor is a change that another change of the same kind mends equally well: a number
// entered one column off can sit on either side of the balance (the first items, or an
// outcome row with its （七）总计), and when more than one such place could hold it the
// arithmetic does not decide which — the seed's 自然人/商业企业 pair is such a case — so no
// correction is offered rather than two. Pure; the checks themselves are unchanged.
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

interface CellChange {
  row: string;
  column: string;
  value: number;
}

interface Change {
  table: Table;
  /** The first cell is the one the correction is about; more when a number moves columns. */
  cells: [CellChange, ...CellChange[]];
  /** How the value comes about, e.g. 「8+1」. */
  how: string;
}

const one = (table: Table, row: string, column: string, value: number, how: string): Change => ({
  table,
  cells: [{ row, column, value }],
  how,
});

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
    out.push(one('requests', f.row, REQUESTS.totalColumn, sum, sumText(nums)));
    parts.forEach((c, i) => {
      const others = nums.filter((_, j) => j !== i);
      const value = total - (sum - nums[i]!);
      if (value >= 0) out.push(one('requests', f.row!, c.key, value, sumText([total], others)));
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
      if (value >= 0) out.push(one('requests', row, c, value, how));
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
 * opposite directions. It may sit in the first or second item of the column that is over
 * on the left, or in the fourth item or an outcome row (with its （七）总计) of the column that
 * is over on the right; every place that could hold it is a candidate, so that they compete.
 */
function moves(report: AnnualReport, failing: readonly Finding[]): Change[] {
  const format = formatOf(report);
  const grid = report.tables.requests;
  const at = (row: string, column: string) => numeric(cell(grid, row, column));
  const out: Change[] = [];
  const balance = failing.filter(
    (f) => f.code === 'T3_BALANCE' && f.column && f.expected !== null && f.actual !== null,
  );
  for (const a of balance) {
    for (const b of balance) {
      const d = a.actual! - a.expected!; // how much a's first and second items fall short
      if (a === b || d <= 0 || d + (b.actual! - b.expected!) !== 0) continue;
      const [ca, cb] = [a.column!, b.column!];
      const how = (from: string) =>
        `${num(d)}填在了“${columnLabel(format, 'requests', REQUESTS.received, from)}”列`;
      // Left side: d of b's belongs to a.
      for (const row of [REQUESTS.received, REQUESTS.carriedIn]) {
        const [va, vb] = [at(row, ca), at(row, cb)];
        if (va === undefined || vb === undefined || vb < d) continue;
        out.push({
          table: 'requests',
          cells: [
            { row, column: ca, value: va + d },
            { row, column: cb, value: vb - d },
          ],
          how: how(cb),
        });
      }
      // Right side: d of a's belongs to b.
      for (const row of [REQUESTS.carriedOut, ...format.requests.outcomeRowKeys]) {
        const [va, vb] = [at(row, ca), at(row, cb)];
        if (va === undefined || vb === undefined || va < d) continue;
        const cells: Change['cells'] = [
          { row, column: cb, value: vb + d },
          { row, column: ca, value: va - d },
        ];
        if (row !== REQUESTS.carriedOut) {
          const [ta, tb] = [at(REQUESTS.outcomeTotal, ca), at(REQUESTS.outcomeTotal, cb)];
          if (ta === undefined || tb === undefined) continue;
          cells.push(
            { row: REQUESTS.outcomeTotal, column: cb, value: tb + d },
            { row: REQUESTS.outcomeTotal, column: ca, value: ta - d },
          );
        }
        out.push({ table: 'requests', cells, how: how(ca) });
      }
    }
  }
  return out;
}

function single(report: AnnualReport, f: Finding): Change[] {
  const out: Change[] = [];
  if (f.code === 'T3_OUTCOME_SUM' && f.column && f.expected !== null) {
    out.push(one('requests', REQUESTS.outcomeTotal, f.column, f.expected, '各项处理结果之和'));
  }
  if (f.code === 'T4_SUM' && f.row && f.expected !== null) {
    out.push(one('review', f.row, REVIEW_TOTAL, f.expected, '四项结果之和'));
  }
  return out;
}

function withChange(report: AnnualReport, ch: Change): AnnualReport {
  const grid = { ...report.tables[ch.table] };
  for (const c of ch.cells) grid[c.row] = { ...(grid[c.row] ?? {}), [c.column]: c.value };
  return { ...report, tables: { ...report.tables, [ch.table]: grid } };
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
  const rowName = (row: string) =>
    ch.table === 'requests' && BALANCE_ROW_NAMES[row]
      ? BALANCE_ROW_NAMES[row]!
      : `“${rowLabel(format, ch.table, row)}”行`;
  const [first, ...rest] = ch.cells;
  const column = columnLabel(format, ch.table, first.row, first.column);
  if (rest.length > 0) {
    const parts = ch.cells.map(
      (c) =>
        `“${columnLabel(format, ch.table, c.row, c.column)}”列${rowName(c.row)}应为${num(c.value)}`,
    );
    return `${parts.join('、')}（${ch.how}）`;
  }
  const was = numeric(cell(report.tables[ch.table], first.row, first.column));
  const now = was === undefined ? '' : `，现为${num(was)}`;
  return ch.table === 'review'
    ? `${rowName(first.row)}“${column}”应为${num(first.value)}（${ch.how}${now}）`
    : `“${column}”列${rowName(first.row)}应为${num(first.value)}（${ch.how}${now}）`;
}

/**
 * Groups of findings with one likely cause each. Findings not in any group are not listed;
 * reading notes and non-arithmetic findings never are.
 */
export function groupFindings(report: AnnualReport, findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  let open = findings.map((f, i) => ({ f, i })).filter(({ f }) => ARITHMETIC.has(f.code));
  // Most reports have no failing sum: then there is nothing to group, and no sum to run again.
  if (open.length === 0) return groups;
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
      const id = [change.table, ...change.cells.map((c) => `${c.row}|${c.column}|${c.value}`)].join(
        '|',
      );
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

/**
 * Each finding's group correction by its position in `findings`: the one source that the
 * report page, the 整改通知 and the spreadsheets show, so they cannot disagree.
 */
export function correctionsByFinding(
  report: AnnualReport,
  findings: readonly Finding[],
): Map<number, string> {
  const out = new Map<number, string>();
  for (const g of groupFindings(report, findings))
    for (const m of g.members) out.set(m, g.correction);
  return out;
}
