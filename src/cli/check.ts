// `gongkai check FILE... [--previous FILE] [--json]`: reads each annual report (any file
// the parser reads, or the report JSON), runs every check, prints the findings in Chinese.
// An unreadable file is reported and the others are still checked. Files are read in
// worker threads, several at once (one per core), so a hostile file cannot take the run down.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { checkReport, isPreviousYear, mergeFindings } from '../reports/checks/index.js';
import { reportFromJson } from '../reports/json.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import { readReportBytes } from '../reports/read/read-file.js';
import { ReportReader } from '../reports/read/reader-pool.js';
import { checkExitCode, checkJson, checkText, type CheckedFile } from './check-output.js';

type Read = { ok: true; report: AnnualReport; findings: Finding[] } | { ok: false; error: string };

function fromJsonBytes(bytes: Uint8Array): Read {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, ''));
  } catch {
    return {
      ok: false,
      error: 'JSON 格式有误，无法解析；请检查文件是否完整（如括号、引号是否成对）。',
    };
  }
  const result = reportFromJson(value);
  return result.ok ? { ok: true, report: result.report, findings: [] } : result;
}

/** Reads one report file through `reader`. Never throws. */
export async function readReportFile(path: string, reader: ReportReader): Promise<Read> {
  const bytes = await readReportBytes(path);
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: bytes.error };
  try {
    if (/\.json$/i.test(path)) return fromJsonBytes(bytes);
    const parsed = await reader.read(bytes, basename(path));
    return parsed.ok ? { ok: true, report: parsed.report, findings: parsed.findings } : parsed;
  } catch {
    return {
      ok: false,
      error:
        '读取报告时出错，无法解析该文件；请改用 Word（.docx）、带文字层的 PDF、网页或 JSON 格式。',
    };
  }
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查政府信息公开工作年度报告：表格勾稽关系、各部分是否齐全、正文与表格是否一致等')
    .argument('<files...>', '年度报告文件（.txt、.html、.docx、.pdf、.md 或 .json），可以有多个')
    .option('--previous <file>', '上一年度的年度报告，用于核对结转数、现行有效件数和内容是否雷同')
    .option('--json', '以 JSON 格式输出结果')
    .action(async (files: string[], options: { previous?: string; json?: boolean }) => {
      const reader = new ReportReader();
      try {
        await checkFiles(files, options, reader);
      } finally {
        await reader.close();
      }
    });
}

async function checkFiles(
  files: string[],
  options: { previous?: string; json?: boolean },
  reader: ReportReader,
): Promise<void> {
  let previous: AnnualReport | undefined;
  let previousUnreadable = false;
  if (options.previous) {
    const read = await readReportFile(options.previous, reader);
    if (read.ok) previous = read.report;
    else {
      previousUnreadable = true;
      console.error(
        `${options.previous}（上一年度报告）：无法读取。${read.error}未进行与上一年度的核对。`,
      );
    }
  }

  // Files are opened only as workers come free, so a folder of thousands is never all in memory.
  const reads: Read[] = new Array<Read>(files.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++)
      reads[i] = await readReportFile(files[i]!, reader);
  };
  await Promise.all(Array.from({ length: reader.workers * 2 }, lane));
  const checked: CheckedFile[] = [];
  for (const [i, source] of files.entries()) {
    const read = reads[i]!;
    if (!read.ok) {
      checked.push({ source, ok: false, error: read.error });
      continue;
    }
    if (previous && !isPreviousYear(read.report, previous)) {
      console.error(
        `${source}：报告年度为${read.report.year ?? '（不详）'}，--previous 指定的是${previous.year ?? '（年度不详）'}年度报告，不是其上一年度，未核对结转数和现行有效件数。`,
      );
    } else if (previous) {
      // Say what was compared: the supervisor must know which report the carry-over came from.
      console.error(
        `${source}（${read.report.agency ?? '机关不详'}${read.report.year ?? ''}年度）：已与 ${options.previous}（${previous.agency ?? '机关不详'}${previous.year ?? ''}年度报告）核对结转数、现行有效件数和内容是否雷同。`,
      );
    }
    const findings = checkReport(read.report, previous ? { previous } : {});
    checked.push({
      source,
      ok: true,
      report: read.report,
      findings: mergeFindings(read.findings, findings, read.report),
    });
  }

  process.stdout.write(options.json ? checkJson(checked) : checkText(checked));
  process.exitCode = checkExitCode(checked, previousUnreadable);
}
