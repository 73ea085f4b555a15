// Reads and checks each uploaded report: the parser's guesses and the checks' findings,
// each kept once, errors first. Reading happens in the reader's worker threads, off the
// request thread. Nothing here touches the database or the network.
import { checkReport, mergeFindings } from '../checks/index.js';
import type { AnnualReport, Finding } from '../model.js';
import type { ReportReader } from '../read/reader-pool.js';
import type { UnpackedFile } from './unpack.js';
import { STATUS_LABELS } from '../../supervision/status.js';

export type CheckedReport =
  | { name: string; ok: true; report: AnnualReport; findings: Finding[] }
  | { name: string; ok: false; error: string };

const READ_FAILED =
  '读取报告时出错，无法解析该文件；请改用 Word（.docx）、带文字层的 PDF、网页或 JSON 格式。';

export async function checkUploadedFile(
  file: UnpackedFile,
  reader: ReportReader,
): Promise<CheckedReport> {
  if (file.error !== undefined) return { name: file.name, ok: false, error: file.error };
  const base = file.name.split('/').pop() ?? file.name;
  try {
    const parsed = await reader.read(file.bytes, base);
    if (!parsed.ok) return { name: file.name, ok: false, error: parsed.error };
    return {
      name: file.name,
      ok: true,
      report: parsed.report,
      findings: mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report),
    };
  } catch {
    // The parser promises not to throw; should it ever, one bad file must not sink the others.
    return { name: file.name, ok: false, error: READ_FAILED };
  }
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
