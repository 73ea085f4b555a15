// Rows whose cells ran together with no separator, as a crawler saves a page: 「640020470」
// for 64, 0, 0, 2, 0, 4, 70. A run of digits can be cut many ways; it is split only where
// the table's own sums admit exactly one reading — each row's 总计 is the sum of its parts,
// and for table 三 the （七）总计 row sums the outcome rows and every column balances
// (一+二 = 三（七）+四). Where no reading or more than one fits, the row is unreadable:
// its cells stay blank and one note says so, never a guessed value.
import type { ReportFormat } from '../format/index.js';
import type { CellValue, Grid } from '../model.js';
import type { SumRule } from './resolve-row.js';

/** More ways than this to cut one row, or to combine the rows of a table, is not a reading. */
const MAX_SPLITS = 20_000;
const MAX_STEPS = 200_000;

const GLUED = /^0\d/u;
/** Digits run together, the last cell perhaps an amount (「13575394432.52元」: a count, then 万元/元). */
const RUN = /^(\d{2,})(\.\d+)?(?:万元|元)?$/u;

/** A raw value's run of digits and the fraction its last cell keeps; null when it is no run. */
function runOf(raw: string | null | undefined): { digits: string; fraction: string } | null {
  const m = raw ? RUN.exec(raw) : null;
  return m ? { digits: m[1]!, fraction: m[2] ?? '' } : null;
}

/** Whether the values read for a row look like cells run together: too few, and digit runs that could fill the row. */
export function mayRunTogether(raws: readonly (string | null)[], width: number): boolean {
  // A row short of one or two cells lost its blanks (tooFew in resolve-row.ts); cells run
  // together leave far fewer values than columns — or print a number no table prints
  // (「00」「023」: a leading zero is the end of one cell and the start of the next).
  const glued = raws.some((raw) => raw !== null && GLUED.test(raw));
  if (!glued && raws.length * 2 > width) return false;
  let pieces = 0;
  let runs = 0;
  for (const raw of raws) {
    const run = runOf(raw);
    if (run) {
      runs++;
      pieces += run.digits.length;
    } else pieces++;
  }
  return runs > 0 && pieces >= width;
}

/** The ways to cut `digits` into `parts` numbers as a table prints them (no leading zero but 「0」). */
function cuts(digits: string, parts: number, out: number[][], prefix: number[] = []): void {
  if (out.length > MAX_SPLITS) return;
  if (parts === 1) {
    if (digits.length === 1 || digits[0] !== '0') out.push([...prefix, Number(digits)]);
    return;
  }
  const longest = digits[0] === '0' ? 1 : digits.length - parts + 1;
  for (let len = 1; len <= longest; len++) {
    prefix.push(Number(digits.slice(0, len)));
    cuts(digits.slice(len), parts - 1, out, prefix);
    prefix.pop();
  }
}

function holds(cells: readonly CellValue[], rules: readonly SumRule[]): boolean {
  for (const rule of rules) {
    const total = cells[rule.total];
    if (typeof total !== 'number') continue;
    let sum = 0;
    for (const p of rule.parts) {
      const v = cells[p];
      if (typeof v === 'number') sum += v;
      else if (v !== null) return false;
    }
    if (sum !== total) return false;
  }
  return true;
}

/**
 * Every reading of a row's raw values as `width` cells that keeps the row's own sum rules;
 * null when there are too many to be a reading at all.
 */
export function rowReadings(
  raws: readonly (string | null)[],
  values: readonly CellValue[],
  width: number,
  rules: readonly SumRule[],
): CellValue[][] | null {
  const out: CellValue[][] = [];
  let steps = 0;
  const extend = (i: number, room: number, cells: CellValue[]): boolean => {
    if (++steps > MAX_STEPS || out.length > MAX_SPLITS) return false;
    if (i === raws.length) {
      if (room === 0 && holds(cells, rules)) out.push([...cells]);
      return true;
    }
    const run = runOf(raws[i]);
    const later = raws.length - i - 1;
    if (!run) {
      cells.push(values[i]!);
      const ok = extend(i + 1, room - 1, cells);
      cells.pop();
      return ok;
    }
    for (let parts = 1; parts <= Math.min(run.digits.length, room - later); parts++) {
      const ways: number[][] = [];
      cuts(run.digits, parts, ways);
      if (run.fraction !== '')
        for (const way of ways) way[way.length - 1] = Number(`${way.at(-1)}${run.fraction}`);
      if (ways.length > MAX_SPLITS) return false;
      for (const way of ways) {
        cells.push(...way);
        const ok = extend(i + 1, room - parts, cells);
        cells.length -= parts;
        if (!ok) return false;
      }
    }
    return true;
  };
  return extend(0, width, []) && out.length <= MAX_SPLITS ? out : null;
}

export interface RunTogetherRow {
  key: string;
  /** The columns of the row, in printed order. */
  columns: readonly string[];
  readings: readonly CellValue[][];
}

/** A relation of table 三 across rows: Σ plus = Σ minus, in one column. */
interface Identity {
  column: string;
  plus: readonly string[];
  minus: readonly string[];
}

/** The two relations of table 三 across rows, each holding in every column. */
export type Relation = 'outcome' | 'balance';

function identities(format: ReportFormat, relation: Relation): Identity[] {
  return format.requests.columns.map((c) =>
    relation === 'outcome'
      ? { column: c.key, plus: format.requests.outcomeRowKeys, minus: ['outcome_total'] }
      : {
          column: c.key,
          plus: ['received', 'carried_in'],
          minus: ['outcome_total', 'carried_out'],
        },
  );
}

export interface Solved {
  /** The reading of each run-together row, when exactly one combination fits. */
  readings: Map<string, CellValue[]> | null;
  /** How many combinations fit: 'unknown' when there were too many to try. */
  solutions: 'none' | 'one' | 'many' | 'unknown';
  /**
   * The relation the reading was chosen without: when no combination keeps both, the
   * report breaks one of them, and the rows are read where the other alone admits one.
   */
  broken: Relation | null;
}

/**
 * Chooses one reading for each run-together row of table 三 so that the table's identities
 * hold; `grid` holds the other rows as read, `doubted` the rows whose reading is uncertain
 * (identities through them, or through a blank, decide nothing). When no combination
 * keeps both relations, the report itself breaks one: the rows are read where exactly one
 * relation admits exactly one combination and the other admits none (their reading notes
 * keep the sums over them from being called errors).
 */
export function solveRequests(
  format: ReportFormat,
  grid: Grid,
  rows: readonly RunTogetherRow[],
  doubted: ReadonlySet<string>,
): Solved {
  const both = search(format, grid, rows, doubted, ['outcome', 'balance']);
  if (both.solutions !== 'none') return { ...both, broken: null };
  const outcome = search(format, grid, rows, doubted, ['outcome']);
  const balance = search(format, grid, rows, doubted, ['balance']);
  if (outcome.solutions === 'one' && balance.solutions === 'none')
    return { ...outcome, broken: 'balance' };
  if (balance.solutions === 'one' && outcome.solutions === 'none')
    return { ...balance, broken: 'outcome' };
  return { readings: null, solutions: 'none', broken: null };
}

function search(
  format: ReportFormat,
  grid: Grid,
  rows: readonly RunTogetherRow[],
  doubted: ReadonlySet<string>,
  relations: readonly Relation[],
): Omit<Solved, 'broken'> {
  const pending = new Map(rows.map((r) => [r.key, r]));
  const usable = relations
    .flatMap((r) => identities(format, r))
    .filter((id) =>
      [...id.plus, ...id.minus].every(
        (row) =>
          pending.has(row) || (!doubted.has(row) && typeof grid[row]?.[id.column] === 'number'),
      ),
    );
  const order = [...rows].sort((a, b) => a.readings.length - b.readings.length);
  const chosen = new Map<string, CellValue[]>();
  const valueOf = (row: string, column: string): number | null => {
    const r = pending.get(row);
    if (!r) return grid[row]![column] as number;
    const cells = chosen.get(row);
    if (!cells) return null;
    const v = cells[r.columns.indexOf(column)];
    return typeof v === 'number' ? v : 0;
  };
  const fits = (): boolean => {
    for (const id of usable) {
      let sum = 0;
      let known = true;
      for (const row of id.plus) {
        const v = valueOf(row, id.column);
        if (v === null) known = false;
        else sum += v;
      }
      for (const row of id.minus) {
        const v = valueOf(row, id.column);
        if (v === null) known = false;
        else sum -= v;
      }
      if (known && sum !== 0) return false;
    }
    return true;
  };
  let found: Map<string, CellValue[]> | null = null;
  let solutions = 0;
  let steps = 0;
  const next = (i: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    if (i === order.length) {
      solutions++;
      found = new Map(chosen);
      return solutions < 2;
    }
    const row = order[i]!;
    for (const reading of row.readings) {
      chosen.set(row.key, reading);
      if (fits() && !next(i + 1)) return false;
    }
    chosen.delete(row.key);
    return true;
  };
  const complete = next(0);
  if (!complete) return { readings: null, solutions: solutions > 1 ? 'many' : 'unknown' };
  if (solutions === 1) return { readings: found, solutions: 'one' };
  return { readings: null, solutions: solutions === 0 ? 'none' : 'many' };
}
