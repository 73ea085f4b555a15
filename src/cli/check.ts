// `gongkai check FILE... [--previous FILE] [--json]`: reads each annual report (any file
// the parser reads, or the report JSON), runs every check, prints the findings in Chinese.
// An unreadable file is reported and the others are still checked. Each file is opened,
// read and checked in a worker thread, one per core, so a hostile file cannot take the run
// down and a folder of files keeps every core busy; this thread only prints.
import type { Command } from 'commander';
import { isPreviousYear } from '../reports/checks/index.js';
import type { AnnualReport } from '../reports/model.js';
import { ReportReader } from '../reports/read/reader-pool.js';
import { checkExitCode, checkJson, checkText, type CheckedFile } from './check-output.js';

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
    const read = await reader.readFile(options.previous);
    if (read.ok) previous = read.report;
    else {
      previousUnreadable = true;
      console.error(
        `${options.previous}（上一年度报告）：无法读取。${read.error}未进行与上一年度的核对。`,
      );
    }
  }

  // The workers open the files themselves as they come free, so a folder of thousands is
  // never all in memory; only the reports read are kept, for printing in the order given.
  const reads = await reader.checkAll(
    files.map((path) => ({ path })),
    previous ? { previous } : {},
  );
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
    checked.push({ source, ok: true, report: read.report, findings: read.findings });
  }

  process.stdout.write(options.json ? checkJson(checked) : checkText(checked));
  process.exitCode = checkExitCode(checked, previousUnreadable);
}
