// `gongkai check FILE|FOLDER|ZIP... [--previous FILE] [--json]`: reads each annual report
// (any file the parser reads, or the report JSON; a folder's and a zip's report files:
// check-inputs.ts), runs every check, prints the findings in Chinese. An unreadable file is
// reported and the others are still checked. Each file is opened,
// read and checked in a worker thread, one per core, so a hostile file cannot take the run
// down and a folder of files keeps every core busy; this thread only prints.
import type { Command } from 'commander';
import { isPreviousYear } from '../reports/checks/index.js';
import type { AnnualReport } from '../reports/model.js';
import type { Checked, ReportFacts } from '../reports/read/protocol.js';
import { ReportReader } from '../reports/read/reader-pool.js';
import { checkInputs, type CheckInput } from './check-inputs.js';
import { checkExitCode, checkJson, checkText, type CheckedFile } from './check-output.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查政府信息公开工作年度报告：表格勾稽关系、各部分是否齐全、正文与表格是否一致等')
    .argument(
      '<files...>',
      '年度报告文件（.txt、.html、.docx、.pdf、.md 或 .json），可以有多个；也可以是文件夹（检查其中及子文件夹中的报告文件，链接指向的文件和文件夹也检查）或 .zip 压缩包',
    )
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
  // never all in memory; only what is printed is kept, in the order given: the whole
  // reports for --json, their facts, findings and corrections otherwise (less for the workers to send
  // and for this thread to receive).
  const inputs = await checkInputs(files);
  const sources = inputs.flatMap((i) => ('source' in i ? [i.source] : []));
  const annotate = <R extends ReportFacts>(reads: readonly Checked<R>[]) =>
    annotateReads(inputs, reads, previous, options.previous);
  let checked: CheckedFile[];
  let output: string;
  if (options.json) {
    const full = annotate(await reader.checkAll(sources, previous ? { previous } : {}));
    [checked, output] = [full, checkJson(full)];
  } else {
    const summaries = annotate(
      await reader.checkAll(sources, { ...(previous ? { previous } : {}), summary: true }),
    );
    [checked, output] = [summaries, checkText(summaries)];
  }
  process.stdout.write(output);
  process.exitCode = checkExitCode(checked, previousUnreadable);
}

/** Each read with the path it came from; says on stderr what was compared with last year. */
function annotateReads<R extends ReportFacts>(
  inputs: readonly CheckInput[],
  reads: readonly Checked<R>[],
  previous: AnnualReport | undefined,
  previousPath: string | undefined,
): CheckedFile<R>[] {
  const checked: CheckedFile<R>[] = [];
  let next = 0;
  for (const input of inputs) {
    const source = input.label;
    // The reads are those of the inputs that had a file to read, in the same order.
    const read: Checked<R> = 'error' in input ? { ok: false, error: input.error } : reads[next++]!;
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
        `${source}（${read.report.agency ?? '机关不详'}${read.report.year ?? ''}年度）：已与 ${previousPath}（${previous.agency ?? '机关不详'}${previous.year ?? ''}年度报告）核对结转数、现行有效件数和内容是否雷同。`,
      );
    }
    checked.push({ source, ok: true, report: read.report, findings: read.findings });
  }
  return checked;
}
