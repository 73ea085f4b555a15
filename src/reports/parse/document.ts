// The intermediate form every input kind is turned into before recognition: a sequence of
// lines, each a list of cells. Prose and headings are one-cell lines; a table row is a
// line of cells in printed order. `null` is a cell that is structurally present but blank
// (an empty <td>, an empty Markdown cell) — distinct from a line that simply has no cell.
export type SourceCell = string | null;

export interface SourceLine {
  cells: SourceCell[];
  /** True when the line is a row of a real table (HTML, .docx, Markdown, PDF columns). */
  tableRow: boolean;
  /**
   * A row of a converter's pipe table (Markdown), whose row labels may have been left outside
   * it, stacked on the lines above its rows of bare numbers.
   */
  grid?: boolean;
  /** An empty line between two one-number lines: a blank cell, or only spacing (from-text.ts). */
  gap?: boolean;
  /** A wrapped continuation of the previous line's paragraph (PDF layout), joined without a break. */
  continues?: boolean;
}

export function textLine(text: string): SourceLine {
  return { cells: [text], tableRow: false };
}
