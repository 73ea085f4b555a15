// The real-report corpus (test/fixtures/reports/real/): published reports that no one here
// wrote, each with a sidecar of hand-checked expected cells and the errors the report
// really has. Read through the real reader and checks, a fixture's reading is compared
// cell for cell; the corpus test holds the differences to the ratchet list, the bench
// prints the figures. See docs/decisions/0021-reading-real-reports.md.
import { readFileSync, readdirSync } from 'node:fs';
import { checkReport, mergeFindings } from '../checks/index.js';
import type { CellValue, Finding, FindingCode } from '../model.js';
import { parseReport } from './index.js';

export const CORPUS_DIR = new URL('../../../test/fixtures/reports/real/', import.meta.url);
export const MISREADS_FILE = new URL('known-misreads.json', CORPUS_DIR);

export interface ExpectedError {
  code: FindingCode;
  table?: Finding['table'];
  row?: string;
  column?: string;
  section?: string;
}

export interface CorpusEntry {
  /** The sidecar's name without `.expected.json`. */
  name: string;
  /** The document, relative to the corpus folder. */
  file: string;
  source: Record<string, string>;
  kind: 'text' | 'html' | 'markdown' | 'pdf' | 'docx';
  level: string;
  year: number;
  agency: string | null;
  format: '2019' | '2021';
  /** Only the opening of the report is kept (a stored page): errors beyond arithmetic are not checked. */
  partial: boolean;
  note: string;
  /** table → row → column → value as printed; a cell not stated is not compared. */
  tables: Record<string, Record<string, Record<string, CellValue>>>;
  errors: ExpectedError[];
}

/** What the reader gets wrong in one fixture: the ratchet list's entry. */
export interface Misreads {
  /** `table/row/column` → the value read (`"<未读出>"` when the file did not read at all). */
  cells: Record<string, CellValue>;
  /** Errors the report has that the checker does not report. */
  missingErrors: string[];
  /**
   * Errors reported that the report does not have, other than arithmetic (those are never
   * allowed). Every one is also a false error in the figures: the supervisor reads it as 错误.
   */
  extraErrors: string[];
  /** The agency read, when the sidecar states another one (absent when they agree). */
  agency?: string | null;
  /** The year read, when it is not the sidecar's (absent when they agree). */
  year?: number | null;
}

export interface FixtureResult {
  entry: CorpusEntry;
  cells: number;
  cellsRight: number;
  misreads: Misreads;
  /** Errors (of any kind) the report does not have: what the supervisor would wrongly be told. */
  falseErrors: string[];
  /** The reader's own error message when the file did not read at all. */
  readError: string | null;
}

const ARITHMETIC = /^T[234]_/u;
const NOT_READ = '<未读出>';
/** Checks that need last year's report: the corpus gives none. */
const NEEDS_PREVIOUS: readonly FindingCode[] = ['CARRY_OVER'];

export function errorKey(f: {
  code: string;
  table?: string | null;
  row?: string | null;
  column?: string | null;
  section?: string | null;
}): string {
  return `${f.code} ${f.table ?? ''}/${f.row ?? ''}/${f.column ?? ''}/${f.section ?? ''}`;
}

export function loadCorpus(): CorpusEntry[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length);
      const raw = JSON.parse(readFileSync(new URL(f, CORPUS_DIR), 'utf8')) as Omit<
        CorpusEntry,
        'name' | 'file'
      > & { file?: string };
      return { ...raw, name, file: raw.file ?? documentOf(name) };
    });
}

function documentOf(name: string): string {
  const doc = readdirSync(CORPUS_DIR).find(
    (f) => f.startsWith(`${name}.`) && !f.endsWith('.expected.json'),
  );
  if (!doc) throw new Error(`${name}: no document beside its sidecar`);
  return doc;
}

/**
 * Whether a reported error is one this fixture's expected list speaks for. A partial report
 * (the opening of a stored page) is judged on everything but the sections its cut removed.
 */
function checked(entry: CorpusEntry, f: Finding): boolean {
  if (f.severity !== 'error' || NEEDS_PREVIOUS.includes(f.code)) return false;
  return !(entry.partial && f.code === 'SECTION_MISSING');
}

/** An arithmetic error the report does not have: never allowed in the ratchet list. */
export function isArithmetic(key: string): boolean {
  return ARITHMETIC.test(key);
}

export async function readFixture(entry: CorpusEntry): Promise<FixtureResult> {
  const path = new URL(entry.file, CORPUS_DIR);
  const parsed = await parseReport({
    bytes: new Uint8Array(readFileSync(path)),
    filename: entry.file,
  });
  const misreads: Misreads = { cells: {}, missingErrors: [], extraErrors: [] };
  let cells = 0;
  let cellsRight = 0;
  for (const [table, rows] of Object.entries(entry.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, expected] of Object.entries(columns)) {
        cells++;
        const read = parsed.ok
          ? (parsed.report.tables[table as 'requests']?.[row]?.[column] ?? null)
          : NOT_READ;
        if (sameCell(read, expected)) cellsRight++;
        else misreads.cells[`${table}/${row}/${column}`] = read;
      }
    }
  }
  const falseErrors: string[] = [];
  if (parsed.ok) {
    const findings = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report);
    const reported = new Set(findings.filter((f) => checked(entry, f)).map(errorKey));
    const expected = new Set(entry.errors.map(errorKey));
    for (const key of expected) if (!reported.has(key)) misreads.missingErrors.push(key);
    for (const key of reported) {
      if (expected.has(key)) continue;
      falseErrors.push(key);
      if (!ARITHMETIC.test(key)) misreads.extraErrors.push(key);
    }
    if (entry.agency !== null && parsed.report.agency !== entry.agency)
      misreads.agency = parsed.report.agency;
    if (parsed.report.year !== entry.year) misreads.year = parsed.report.year;
  } else {
    misreads.missingErrors.push(...entry.errors.map(errorKey));
  }
  return {
    entry,
    cells,
    cellsRight,
    misreads,
    falseErrors,
    readError: parsed.ok ? null : parsed.error,
  };
}

function sameCell(read: CellValue, expected: CellValue): boolean {
  if (typeof read === 'number' && typeof expected === 'number')
    return Math.abs(read - expected) < 1e-9;
  return read === expected;
}

export function isClean(m: Misreads): boolean {
  return (
    Object.keys(m.cells).length === 0 &&
    m.missingErrors.length === 0 &&
    m.extraErrors.length === 0 &&
    m.agency === undefined &&
    m.year === undefined
  );
}

export interface CorpusFigures {
  reports: number;
  cells: number;
  cellsRight: number;
  falseErrors: number;
  fullyRight: number;
}

export function figures(results: readonly FixtureResult[]): CorpusFigures {
  return {
    reports: results.length,
    cells: results.reduce((n, r) => n + r.cells, 0),
    cellsRight: results.reduce((n, r) => n + r.cellsRight, 0),
    falseErrors: results.reduce((n, r) => n + r.falseErrors.length, 0),
    fullyRight: results.filter((r) => r.falseErrors.length === 0 && isClean(r.misreads)).length,
  };
}

/** The ratchet list as it should read for these results (fixtures read fully right are absent). */
export function misreadsList(results: readonly FixtureResult[]): Record<string, Misreads> {
  const out: Record<string, Misreads> = {};
  for (const r of results) if (!isClean(r.misreads)) out[r.entry.name] = r.misreads;
  return out;
}
