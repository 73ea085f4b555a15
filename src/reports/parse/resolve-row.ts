// Fitting the values read for one row onto its cells when the count does not match:
// doubled values (a Word export that prints a cell twice), a missing value, or extras.
// The choice is explained in words so that it can be shown as a CELL_AMBIGUOUS warning.
import type { CellValue } from '../model.js';

/** A printed relation inside a row: the cell at `total` is the sum of the cells at `parts`. */
export interface SumRule {
  parts: readonly number[];
  total: number;
}

export interface RowReading {
  cells: CellValue[];
  /** Null when the values fitted exactly; otherwise what was chosen, in Chinese. */
  explanation: string | null;
}

const MAX_CANDIDATES = 4096;

function show(values: readonly CellValue[]): string {
  return values.map((v) => (v === null ? '空白' : String(v))).join('、');
}

function asNumber(v: CellValue): number | null {
  return typeof v === 'number' ? v : v === null ? 0 : null;
}

/** How a reading fares against the sum rules: rules broken, and rules confirmed by a non-zero total. */
function judge(
  cells: readonly CellValue[],
  rules: readonly SumRule[],
): { broken: number; confirmed: number } {
  let broken = 0;
  let confirmed = 0;
  for (const rule of rules) {
    const total = cells[rule.total];
    if (total === null || total === undefined) continue;
    const t = asNumber(total);
    let sum = 0;
    let known = t !== null;
    for (const p of rule.parts) {
      const n = asNumber(cells[p] ?? null);
      if (n === null) known = false;
      else sum += n;
    }
    if (!known) continue;
    if (Math.abs(sum - (t ?? 0)) > 1e-9) broken++;
    else if (t !== 0) confirmed++;
  }
  return { broken, confirmed };
}

/** All ways of dropping `k` values that each repeat the value just before them. */
function dropRepeats(values: readonly CellValue[], k: number): number[][] {
  const repeatAt: number[] = [];
  for (let i = 1; i < values.length; i++)
    if (values[i] !== null && values[i] === values[i - 1]) repeatAt.push(i);
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (out.length >= MAX_CANDIDATES) return;
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let j = from; j < repeatAt.length; j++) {
      const at = repeatAt[j]!;
      // A value cannot be dropped as a repeat of one that is itself dropped.
      if (chosen.length > 0 && chosen[chosen.length - 1] === at - 1) continue;
      chosen.push(at);
      pick(j + 1, chosen);
      chosen.pop();
    }
  };
  pick(0, []);
  return out;
}

function tooMany(
  values: readonly CellValue[],
  width: number,
  rules: readonly SumRule[],
  where: string,
): RowReading {
  const k = values.length - width;
  const pairs =
    values.length === 2 * width && values.every((v, i) => i % 2 === 0 || v === values[i - 1]);
  if (pairs) {
    const cells = values.filter((_, i) => i % 2 === 0);
    return {
      cells,
      explanation: `${where}读到${values.length}个数，多于${width}列；判断为每个数都重复印了一次，按一次计，读作${show(cells)}`,
    };
  }
  const readings = dropRepeats(values, k).map((drop) => {
    const cells = values.filter((_, i) => !drop.includes(i));
    return { drop, cells, ...judge(cells, rules) };
  });
  const fitting = readings.filter((r) => r.broken === 0);
  // No repeat explains the extras, but the row's first numbers hold its sum: the rest belong
  // to what follows (a page cut just after the row keeps the next label's 「2」).
  const head = values.slice(0, width);
  if (fitting.length === 0 && rules.length > 0 && judge(head, rules).broken === 0)
    return {
      cells: head,
      explanation: `${where}读到${values.length}个数，多于${width}列；前${width}个数与“总计”列相符，读作${show(head)}，其余${k}个数未读入`,
    };
  const best = fitting.length > 0 ? fitting : readings;
  const chosen = best[0];
  if (chosen) {
    const repeated = chosen.drop.map((i) => `“${String(values[i])}”`).join('、');
    const why = fitting.length === 1 && rules.length > 0 ? '（与“总计”列相符的唯一读法）' : '';
    return {
      cells: chosen.cells,
      explanation: `${where}读到${values.length}个数，多于${width}列；${repeated}重复出现，按一次计${why}，读作${show(chosen.cells)}`,
    };
  }
  const cells = values.slice(0, width);
  return {
    cells,
    explanation: `${where}读到${values.length}个数，多于${width}列；按顺序取前${width}个数，读作${show(cells)}，其余${k}个数未读入`,
  };
}

function tooFew(
  values: readonly CellValue[],
  width: number,
  rules: readonly SumRule[],
  where: string,
  columns: readonly string[],
): RowReading {
  const fromLeft = (): RowReading => {
    const cells: CellValue[] = [...values, ...Array<CellValue>(width - values.length).fill(null)];
    const rest = columns
      .slice(values.length)
      .map((c) => `“${c}”`)
      .join('、');
    return {
      cells,
      explanation:
        values.length === 0
          ? `${where}没有读到数，各列按空白处理`
          : `${where}只读到${values.length}个数，按顺序填入前${values.length}列，${rest}列按空白处理`,
    };
  };
  if (values.length !== width - 1 || rules.length === 0) return fromLeft();
  // One value missing: try the blank at each position and keep the reading the sum rules support best.
  let bestAt = -1;
  let best = { broken: Infinity, confirmed: -1 };
  for (let at = 0; at < width; at++) {
    const cells = [...values.slice(0, at), null, ...values.slice(at)];
    const j = judge(cells, rules);
    // Ties go to the later position: the reading closest to filling from the left.
    if (j.broken < best.broken || (j.broken === best.broken && j.confirmed >= best.confirmed)) {
      best = j;
      bestAt = at;
    }
  }
  if (bestAt === width - 1 || best.confirmed === 0) return fromLeft();
  const cells = [...values.slice(0, bestAt), null, ...values.slice(bestAt)];
  return {
    cells,
    explanation: `${where}只读到${values.length}个数；按“总计”列的关系判断空缺在“${columns[bestAt]}”列，读作${show(cells)}`,
  };
}

/**
 * Fits `values` onto `columns`. `where` names the row for the explanation, e.g.
 * 「表三“3.其他”行」.
 */
export function resolveRow(
  printed: readonly CellValue[],
  columns: readonly string[],
  rules: readonly SumRule[],
  where: string,
): RowReading {
  const width = columns.length;
  // Blank cells beside a label are what a converter leaves of a merged label cell: extra
  // blanks at either end of an over-long row are dropped before anything is guessed.
  let start = 0;
  let end = printed.length;
  while (end - start > width && printed[start] === null) start++;
  while (end - start > width && printed[end - 1] === null) end--;
  const values = printed.slice(start, end);
  if (values.length === width) return { cells: [...values], explanation: null };
  if (values.length > width) return tooMany(values, width, rules, where);
  return tooFew(values, width, rules, where, columns);
}
