// Reads and checks each uploaded report: the parser's guesses and the checks' findings,
// each kept once, errors first. Reading and checking happen in the reader's worker threads,
// off the request thread. Nothing here touches the database or the network.
import type { CheckResult } from '../read/protocol.js';
import type { ReportReader } from '../read/reader-pool.js';
import type { UnpackedFile } from './unpack.js';
import { reportStatus, STATUS_LABELS, type ReportStatus } from '../../supervision/status.js';
import { findingCounts, type FindingCounts } from '../checks/reading-notes.js';

/** An uploaded file (its name in the upload or the archive) and what reading and checking found. */
export type CheckedReport = { name: string } & CheckResult;

export async function checkUploadedFile(
  file: UnpackedFile,
  reader: ReportReader,
): Promise<CheckedReport> {
  if (file.error !== undefined) return { name: file.name, ok: false, error: file.error };
  const filename = file.name.split('/').pop() ?? file.name;
  // Read and checked in a worker: the request thread only waits. Never rejects.
  const checked = await reader.check({ bytes: file.bytes, filename });
  return { name: file.name, ...checked };
}

export function checkUploadedFiles(
  files: readonly UnpackedFile[],
  reader: ReportReader,
): Promise<CheckedReport[]> {
  return Promise.all(files.map((file) => checkUploadedFile(file, reader)));
}

/**
 * A checked file's counts and status, as in supervision. Reading notes (how the file was
 * read) are counted apart, not as warnings: a report with only CELL_AMBIGUOUS notes is
 * 「无问题」, one with checks that could not be made (NOT_ASSESSED) 「部分未能核对」.
 */
export interface ReportVerdict extends FindingCounts {
  status: ReportStatus;
  /** The status's word in the supervision vocabulary (STATUS_LABELS). */
  label: string;
}

export function verdictOf(checked: CheckedReport): ReportVerdict {
  if (!checked.ok)
    return {
      errors: 0,
      warnings: 0,
      notes: 0,
      unassessed: 0,
      status: 'unreadable',
      label: STATUS_LABELS.unreadable,
    };
  const counts = findingCounts(checked.findings);
  const status = reportStatus({ state: 'read' }, counts);
  return { ...counts, status, label: STATUS_LABELS[status] };
}
