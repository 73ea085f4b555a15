// The whole work of one file, as a worker thread does it (read-worker.ts) and as the
// one-thread baseline of the bench does it: open the file if given a path, read it (the
// report JSON, or any file the parser reads), and when asked run every check on it. The file
// is read synchronously: the thread that runs this is a worker's own (or the bench's one-core
// baseline), and an asynchronous read would wait for a libuv pool thread that a busy batch
// leaves no core for (read-file.ts). Never throws: whatever goes wrong is a result with a
// Chinese reason.
import { basename } from 'node:path';
import { checkReport, mergeFindings } from '../checks/index.js';
import { correctionsByFinding } from '../checks/grouping.js';
import { reportFromJson } from '../json.js';
import { parseReport, type ParseResult } from '../parse/index.js';
import { READ_LIMITS, type ReadLimits } from '../parse/limits.js';
import type { CheckResult, CheckSummary, ReadTask } from './protocol.js';
import { readReportBytesSync } from './read-file.js';

export const READ_FAILED =
  '读取报告时出错，无法解析该文件；请改用 Word（.docx）、带文字层的 PDF、网页或 JSON 格式。';

export const JSON_INVALID = 'JSON 格式有误，无法解析；请检查文件是否完整（如括号、引号是否成对）。';

/** The report JSON of `gongkai report --json` and the spec, read back. */
function fromJsonBytes(bytes: Uint8Array): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, error: JSON_INVALID };
  }
  const result = reportFromJson(value);
  return result.ok ? { ok: true, report: result.report, findings: [] } : result;
}

async function read(task: ReadTask, limits: ReadLimits): Promise<ParseResult> {
  const { source } = task;
  if ('bytes' in source)
    return parseReport({
      bytes: source.bytes,
      ...(source.filename !== undefined ? { filename: source.filename } : {}),
      limits,
    });
  const bytes = readReportBytesSync(source.path);
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: bytes.error };
  if (/\.json$/i.test(source.path)) return fromJsonBytes(bytes);
  return parseReport({ bytes, filename: basename(source.path), limits });
}

export async function runReadTask(
  task: ReadTask,
  limits: ReadLimits = READ_LIMITS,
): Promise<ParseResult | CheckResult | CheckSummary> {
  try {
    const parsed = await read(task, limits);
    if (!task.check || !parsed.ok) return parsed;
    const { previous, summary } = task.check;
    const { report } = parsed;
    const findings = mergeFindings(
      parsed.findings,
      checkReport(report, previous ? { previous } : {}),
      report,
    );
    if (!summary) return { ok: true, report, findings };
    const { agency, year, format } = report;
    const grouped = correctionsByFinding(report, findings);
    const corrections = findings.map((_, i) => grouped.get(i) ?? null);
    return { ok: true, report: { agency, year, format, corrections }, findings };
  } catch {
    // The parser and the checks promise not to throw; should they, one file is lost, not the batch.
    return { ok: false, error: READ_FAILED };
  }
}
