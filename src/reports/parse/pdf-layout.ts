// The page layout of a PDF's text layer turned into lines of cells: items sharing a
// baseline form a line, wide horizontal gaps separate cells, and a table row whose empty
// cell left no text is given its blank back by lining it up with a fuller row nearby.
import type { SourceCell, SourceLine } from './document.js';
import { readCell } from './labels.js';

export interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  cells: Cell[];
  firstX: number;
}

/** Items whose baselines differ by less than this share a line (points). */
const SAME_LINE = 2.5;
/** A gap wider than this many font sizes separates two cells. */
const CELL_GAP = 0.9;
/** How many lines away a fuller row of the same table may be. */
const NEIGHBOURS = 4;
/** A value lines up with a column when its centre is this close, as a share of the column spacing. */
const ALIGN = 0.35;
const PAGE_NUMBER =
  /^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$/u;

const isNumber = (text: string): boolean => {
  const r = readCell(text);
  return r.kind === 'value' && r.value !== null;
};
const centre = (c: Cell): number => (c.x0 + c.x1) / 2;

function buildLines(items: readonly Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= SAME_LINE) row.push(item);
    else rows.push([item]);
  }
  const out: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    for (const item of row) {
      const last = cells[cells.length - 1];
      if (last && item.x - last.x1 <= CELL_GAP * item.size) {
        last.text += item.str;
        last.x1 = Math.max(last.x1, item.x + item.width);
      } else cells.push({ text: item.str, x0: item.x, x1: item.x + item.width });
    }
    for (const c of cells) c.text = c.text.trim();
    const kept = cells.filter((c) => c.text !== '');
    if (kept.length === 0 || (kept.length === 1 && PAGE_NUMBER.test(kept[0]!.text))) continue;
    out.push({ cells: kept, firstX: row[0]!.x });
  }
  return out;
}

/** A column-heading line (several cells, no number) ends the reach of a table's rows. */
const isHeader = (line: Line): boolean =>
  line.cells.length >= 2 && !line.cells.some((c) => isNumber(c.text));

function fullerNeighbour(lines: readonly Line[], at: number, count: number): Cell[] | null {
  let best: Cell[] | null = null;
  for (const step of [-1, 1]) {
    for (let j = at + step, n = 0; j >= 0 && j < lines.length && n < NEIGHBOURS; j += step, n++) {
      const line = lines[j]!;
      if (isHeader(line)) break;
      const numbers = line.cells.filter((c) => isNumber(c.text));
      if (numbers.length > count && (!best || numbers.length > best.length)) best = numbers;
    }
  }
  return best;
}

/** Where each value sits among the reference row's columns, or null when they do not line up. */
function align(values: readonly Cell[], columns: readonly Cell[]): number[] | null {
  const centres = columns.map(centre);
  let spacing = Infinity;
  for (let k = 1; k < centres.length; k++)
    spacing = Math.min(spacing, centres[k]! - centres[k - 1]!);
  const tolerance = ALIGN * spacing;
  const slots: number[] = [];
  let from = 0;
  for (const v of values) {
    const c = centre(v);
    let k = from;
    while (k < centres.length && Math.abs(c - centres[k]!) > tolerance) k++;
    if (k === centres.length) return null;
    slots.push(k);
    from = k + 1;
  }
  return slots;
}

function withBlanks(line: Line, lines: readonly Line[], at: number): SourceCell[] {
  const texts = line.cells.map((c) => c.text);
  const values = line.cells.filter((c) => isNumber(c.text));
  if (values.length === 0) return texts;
  const columns = fullerNeighbour(lines, at, values.length);
  const slots = columns ? align(values, columns) : null;
  if (!columns || !slots) return texts;
  const labels = line.cells
    .filter((c) => !isNumber(c.text) && c.x1 <= values[0]!.x0)
    .map((c) => c.text);
  const rest = line.cells
    .filter((c) => !isNumber(c.text) && c.x1 > values[0]!.x0)
    .map((c) => c.text);
  const row: SourceCell[] = columns.map(() => null);
  values.forEach((v, i) => (row[slots[i]!] = v.text));
  return [...labels, ...row, ...rest];
}

/** The lines of one page; `before` is the last line of the page before (for wrapped paragraphs). */
export function pageLines(items: readonly Item[], before: SourceLine | undefined): SourceLine[] {
  const lines = buildLines(items);
  // Paragraphs start indented; a line starting at the left margin continues the one above.
  const margin = Math.min(...lines.map((l) => l.firstX));
  const out: SourceLine[] = [];
  lines.forEach((line, i) => {
    const cells = withBlanks(line, lines, i);
    const previous = out.length > 0 ? out[out.length - 1] : before;
    const continues =
      previous !== undefined &&
      !previous.tableRow &&
      cells.length === 1 &&
      line.firstX <= margin + 2;
    out.push({ cells, tableRow: cells.length > 1, ...(continues ? { continues } : {}) });
  });
  return out;
}
