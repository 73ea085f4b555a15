// Reads and checks each uploaded report: the parser's guesses and the checks' findings,
// each kept once, errors first. Reading and checking happen in the reader's worker threads,
// off the request thread. Nothing here touches the database or the network.
import type { CheckResult } from '../read/protocol.js';
import type { ReportReader } from '../read/reader-pool.js';
import type { UnpackedFile } from './unpack.js';
import { STATUS_LABELS } from '../../supervision/status.js';

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

export interface ReportVerdict {
  errors: number;
  warnings: number;
  /** The words of the supervision status vocabulary: 「有错误」「仅有提示」「无问题」「无法读取」 */
  label: string;
}

export function verdictOf(checked: CheckedReport): ReportVerdict {
  if (!checked.ok) return { errors: 0, warnings: 0, label: STATUS_LABELS.unreadable };
  const errors = checked.findings.filter((f) => f.severity === 'error').length;
  const warnings = checked.findings.length - errors;
  return {
    errors,
    warnings,
    label: STATUS_LABELS[errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'clean'],
  };
}
