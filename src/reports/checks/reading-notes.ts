// The one line between a report's own problems and the notes on how its file was read
// (CELL_AMBIGUOUS: what the reader had to guess; NOT_ASSESSED: a check it could not make on
// cells it could not read): the report page lists them apart, and the statuses, the counts
// and the exports count them apart, so a report with nothing but reading notes is not
// 「仅有提示」. The console's check and supervision alike. Pure.
import type { Finding } from '../model.js';

/** Notes on how the file was read, not problems of the report itself. */
export const READING_NOTE_CODES: ReadonlySet<Finding['code']> = new Set([
  'CELL_AMBIGUOUS',
  'NOT_ASSESSED',
]);

export const isReadingNote = (f: Pick<Finding, 'code'>): boolean => READING_NOTE_CODES.has(f.code);

/** The report's problems first, then the reading notes: the numbers the page and the tables share. */
export function numberedFindings(findings: readonly Finding[]): {
  problems: Finding[];
  notes: Finding[];
  all: Finding[];
} {
  const problems = findings.filter((f) => !isReadingNote(f));
  const notes = findings.filter(isReadingNote);
  return { problems, notes, all: [...problems, ...notes] };
}

/**
 * A report's own errors and warnings, and apart from them its reading notes; of those notes,
 * `unassessed` are the checks that could not be made (NOT_ASSESSED). They are not the report's
 * problems either, but they leave its sums unchecked, so a report with them is not 「无问题」
 * (see src/supervision/status.ts).
 */
export interface FindingCounts {
  errors: number;
  warnings: number;
  notes: number;
  unassessed: number;
}

export function findingCounts(findings: readonly Finding[]): FindingCounts {
  const { problems, notes } = numberedFindings(findings);
  const errors = problems.filter((f) => f.severity === 'error').length;
  const unassessed = notes.filter((f) => f.code === 'NOT_ASSESSED').length;
  return { errors, warnings: problems.length - errors, notes: notes.length, unassessed };
}
