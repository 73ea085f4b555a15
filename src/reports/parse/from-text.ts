// Plain text as extracted from Word or PDF: one value per line (Word export), or a label
// followed by its numbers on one line, separated by spaces (PDF text, layout mode).
import type { SourceLine } from './document.js';
import { textLine } from './document.js';
import { readCell, stripBookmarks } from './labels.js';
import { isPipeText, pipeLines } from './pipe-text.js';
import { runOnLines } from './run-on-text.js';

const BRACKETED = /[（(][^（）()]*[)）]/gu;

const isValue = (token: string): boolean => readCell(token).kind === 'value';

/** A numbered row label (「（二）部分公开」「2.重复申请」「四、结转…」) starting after a row's numbers. */
const ROW_NUMBER =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])\S/u;

/**
 * Two rows printed on one line (「（一）予以公开 50 0 … 50 （二）部分公开 9 0 … 9」): each
 * numbered label after a run of numbers starts a cell of its own, so the recogniser opens
 * the second row where it begins. Null when the line is not of that shape.
 */
function rowsRunTogether(tokens: readonly string[]): SourceLine | null {
  const cells: string[] = [];
  let label: string[] = [];
  let afterValues = false;
  let rows = 0;
  for (const token of tokens) {
    if (isValue(token)) {
      if (label.length > 0) cells.push(label.join(' '));
      label = [];
      cells.push(token);
      afterValues = true;
      continue;
    }
    if (afterValues && label.length === 0) {
      if (!ROW_NUMBER.test(token)) return null;
      rows++;
    }
    afterValues = false;
    label.push(token);
  }
  if (rows === 0) return null;
  // The last row may have printed no numbers at all (its cells blank).
  if (label.length > 0) cells.push(label.join(' '));
  if (cells.some((c) => /[。，,；]/u.test(c.replace(BRACKETED, '')))) return null;
  return { cells, tableRow: true };
}

/** One line of plain text: a label and the numbers after it, two rows run together, or prose. */
export function splitRow(line: string): SourceLine {
  const tokens = line.split(/[ \t\u3000]+/u);
  if (tokens.length < 2) return textLine(line);
  let firstValue = tokens.length;
  while (firstValue > 0 && isValue(tokens[firstValue - 1]!)) firstValue--;
  const rows = rowsRunTogether(tokens);
  if (rows) return rows;
  if (firstValue === tokens.length) return textLine(line);
  if (firstValue === 0) return { cells: tokens, tableRow: true };
  const label = tokens.slice(0, firstValue).join(' ');
  // A sentence that happens to end in a number is prose, not a table row; a label's own
  // note in brackets (「部分公开（区分处理的，只计这一情形，…）」) is not a sentence.
  if (/[。，,；]/u.test(label.replace(BRACKETED, ''))) return textLine(line);
  return { cells: [label, ...tokens.slice(firstValue)], tableRow: true };
}

const GAP: SourceLine = { cells: [null], tableRow: false, gap: true };

/** One empty line alone is the spacing some exports put between all lines. */
const MIN_BLANK_RUN = 2;
/** More empty lines than this cannot stand between two cells of a row of table 三. */
const MAX_BLANK_RUN = 5;
const isNumberLine = (line: string | undefined): boolean => {
  const r = line === undefined || line === '' ? null : readCell(line);
  return r?.kind === 'value' && r.value !== null && !/\s/u.test(line!);
};

/**
 * A table exported one cell per line (「26」, five empty lines, 「26」: the 法人或其他组织
 * cells left empty) may keep its empty cells as empty lines — or space its lines with them.
 * A run of two to five empty lines between two lines that each hold one number is kept as
 * possible blank cells (`gap`); the recogniser counts it only where that makes the row
 * exactly as wide as its table.
 */
function isGap(all: readonly string[], i: number): boolean {
  let start = i;
  while (start > 0 && all[start - 1] === '') start--;
  let end = i;
  while (end < all.length - 1 && all[end + 1] === '') end++;
  const run = end - start + 1;
  return (
    run >= MIN_BLANK_RUN &&
    run <= MAX_BLANK_RUN &&
    isNumberLine(all[start - 1]) &&
    isNumberLine(all[end + 1])
  );
}

export function linesFromText(text: string): SourceLine[] {
  const lines = text
    .split(/\r\n|\r|\n|\f/u)
    .map((raw) => stripBookmarks(raw).trim())
    .filter((line, i, all) => line !== '' || isGap(all, i));
  if (isPipeText(lines.filter((l) => l !== '')))
    return pipeLines(lines.filter((l) => l !== '')).map((l) =>
      l.tableRow ? l : splitRow(l.cells[0]!),
    );
  // A crawler's one-line article is broken at the format's headings and labels first.
  return lines.flatMap((line) => (line === '' ? [GAP] : (runOnLines(line) ?? [splitRow(line)])));
}
