// Messages between the reader pool and its worker threads, and the work one file is.
import type { AnnualReport, Finding } from '../model.js';
import type { ReadLimits } from '../parse/limits.js';

/**
 * Where a file comes from: a path the worker opens itself (so the main thread neither reads
 * nor copies it), or bytes already in memory (an upload, a fetched address).
 */
export type ReadSource = { path: string } | { bytes: Uint8Array; filename?: string };

/**
 * How a file is checked: `previous` is last year's report, for the checks that compare with
 * it; with `summary` only the report's facts and the likely corrections come back, not the
 * whole report.
 */
export interface CheckOptions {
  previous?: AnnualReport;
  summary?: boolean;
}

/** One file's work: read it, and with `check` also run every check on what was read. */
export interface ReadTask {
  source: ReadSource;
  check?: CheckOptions;
}

/**
 * What a verdict on a report is printed with (`gongkai check` without --json): sent back
 * instead of the whole report, whose sections and hundreds of cells would cost the worker
 * its JSON text and the calling thread its parse for nothing.
 */
export type ReportFacts = Pick<AnnualReport, 'agency' | 'year' | 'format'>;

/**
 * The facts, and each finding's likely correction by its position in the findings (null where
 * none: src/reports/checks/grouping.ts). The grouping needs the whole report's cells, so it is
 * made in the worker, where the report is; what is printed then says what the console does.
 */
export type ReportSummary = ReportFacts & { corrections: (string | null)[] };

/** A file read and checked: the parser's findings and the checks', merged, errors first. */
export type Checked<R extends ReportFacts> =
  | { ok: true; report: R; findings: Finding[] }
  | { ok: false; /** Chinese, says what is wrong and what to do */ error: string };

/** A file checked, with the whole report read. */
export type CheckResult = Checked<AnnualReport>;

/** A file checked, with only the facts of its report (`CheckOptions.summary`). */
export type CheckSummary = Checked<ReportSummary>;

/** Several files for one worker, done one after another (one message, not one per file). */
export interface ReadRequest {
  id: number;
  tasks: ReadTask[];
  limits: ReadLimits;
}

/**
 * The results of every task of request `id` (each a ParseResult, or a CheckResult or
 * CheckSummary when checked), in order, sent when the last is done: one message per request,
 * not one per file, since each message wakes the calling thread and on a virtual machine a
 * wake-up costs more than a small file's whole answer. Each as JSON text: a string crosses
 * threads as one copy, where the structured clone of a report's hundreds of cells costs the
 * receiving thread about twice what JSON.parse does, and the receiving thread is the one to
 * spare. Which file a worker is on is told apart, without a message, by `WorkerProgress`.
 */
export interface ReadResponse {
  id: number;
  results: string[];
}

/**
 * What a worker is handed when it starts: a counter of the files it has begun, in memory it
 * shares with the pool. It counts up as each file begins, so the pool can time each file and
 * tell which one a worker was on when it had to be ended, without being woken per file.
 */
export interface WorkerProgress {
  begun: Int32Array;
}

export type WorkerMessage = ReadResponse | { ready: true };
