// Messages between the reader pool and its worker threads, and the work one file is.
import type { AnnualReport, Finding } from '../model.js';
import type { ReadLimits } from '../parse/limits.js';

/**
 * Where a file comes from: a path the worker opens itself (so the main thread neither reads
 * nor copies it), or bytes already in memory (an upload, a fetched address).
 */
export type ReadSource = { path: string } | { bytes: Uint8Array; filename?: string };

/** One file's work: read it, and with `check` also run every check on what was read. */
export interface ReadTask {
  source: ReadSource;
  check?: { previous?: AnnualReport };
}

/** A file read and checked: the parser's findings and the checks', merged, errors first. */
export type CheckResult =
  | { ok: true; report: AnnualReport; findings: Finding[] }
  | { ok: false; /** Chinese, says what is wrong and what to do */ error: string };

/** Several files for one worker, done one after another (one message, not one per file). */
export interface ReadRequest {
  id: number;
  tasks: ReadTask[];
  limits: ReadLimits;
}

/**
 * The result of `tasks[index]` of request `id` (a ParseResult, or a CheckResult when
 * checked), sent as soon as that file is done. As JSON text: a string crosses threads as
 * one copy, where the structured clone of a report's hundreds of cells costs the receiving
 * thread about twice what JSON.parse does, and the receiving thread is the one to spare.
 */
export interface ReadResponse {
  id: number;
  index: number;
  json: string;
}

export type WorkerMessage = ReadResponse | { ready: true };
