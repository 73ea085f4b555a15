// Text saved from a web page whose table cells are separated by `|` (what crawlers and
// "save as text" produce): a row per line (「规章 | 0 | 0 | 0 |」), with or without a
// leading pipe, or one cell per line (「0 |」), or the separators on lines of their own.
// A pipe ends a cell; the empty text between two pipes is a blank cell. A pipe at the
// start of a line that follows a line with no closing pipe ends that line's cell — it is
// not a blank of its own.
import type { SourceCell, SourceLine } from './document.js';

/** Enough lines with a separator that the text is a pipe-separated page, not prose with a stray `|`. */
const MIN_PIPE_LINES = 4;

export function isPipeText(lines: readonly string[]): boolean {
  let n = 0;
  for (const line of lines) if (line.includes('|') && ++n >= MIN_PIPE_LINES) return true;
  return false;
}

function cell(piece: string): SourceCell {
  const t = piece.trim();
  return t === '' ? null : t;
}

/**
 * The cells of one line of pipe text; `previousClosed` says whether the line before ended
 * with a pipe (its last cell closed), or had no pipe at all.
 */
export function pipeCells(line: string, previousClosed: boolean): SourceCell[] {
  const pieces = line.split('|');
  // Text after the last pipe is the start of a cell closed on a later line, or nothing.
  if (pieces[pieces.length - 1]!.trim() === '') pieces.pop();
  if (!previousClosed && pieces.length > 0 && pieces[0]!.trim() === '') pieces.shift();
  return pieces.map(cell);
}

export function pipeLines(lines: readonly string[]): SourceLine[] {
  const out: SourceLine[] = [];
  let closed = true;
  for (const line of lines) {
    if (!line.includes('|')) {
      closed = false;
      out.push({ cells: [line], tableRow: false });
      continue;
    }
    const cells = pipeCells(line, closed);
    closed = line.trimEnd().endsWith('|');
    if (cells.length > 0) out.push({ cells, tableRow: true });
  }
  return out;
}
