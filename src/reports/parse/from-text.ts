// Plain text as extracted from Word or PDF: one value per line (Word export), or a label
// followed by its numbers on one line, separated by spaces (PDF text, layout mode).
import type { SourceLine } from './document.js';
import { textLine } from './document.js';
import { readCell, stripBookmarks } from './labels.js';
import { isPipeText, pipeLines } from './pipe-text.js';

const BRACKETED = /[（(][^（）()]*[)）]/gu;

const isValue = (token: string): boolean => readCell(token).kind === 'value';

function splitRow(line: string): SourceLine {
  const tokens = line.split(/[ \t\u3000]+/u);
  if (tokens.length < 2) return textLine(line);
  let firstValue = tokens.length;
  while (firstValue > 0 && isValue(tokens[firstValue - 1]!)) firstValue--;
  if (firstValue === tokens.length) return textLine(line);
  if (firstValue === 0) return { cells: tokens, tableRow: true };
  const label = tokens.slice(0, firstValue).join(' ');
  // A sentence that happens to end in a number is prose, not a table row; a label's own
  // note in brackets (「部分公开（区分处理的，只计这一情形，…）」) is not a sentence.
  if (/[。，,；]/u.test(label.replace(BRACKETED, ''))) return textLine(line);
  return { cells: [label, ...tokens.slice(firstValue)], tableRow: true };
}

export function linesFromText(text: string): SourceLine[] {
  const lines = text
    .split(/\r\n|\r|\n|\f/u)
    .map((raw) => stripBookmarks(raw).trim())
    .filter((line) => line !== '');
  if (isPipeText(lines))
    return pipeLines(lines).map((l) => (l.tableRow ? l : splitRow(l.cells[0]!)));
  return lines.map(splitRow);
}
