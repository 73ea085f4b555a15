// `gongkai catalogue import --agency SLUG FILE [--dry-run] [--issue-index-numbers]`: the
// agency's catalogue from its old portal, as CSV (UTF-8 or GB18030) or .xlsx; with the flag,
// rows without 索引号 are numbered by the platform (decision 0024). Prints what was imported and every row
// refused with its row number and reason; exits 0 when the file was read (even if some rows
// were refused, as the summary says), 2 when it was refused as a whole.
import type { Command } from 'commander';
import { agencyBySlugOrFail } from '../../cli/agency-by-slug-or-fail.js';
import { CliError } from '../../cli/errors.js';
import { readImportFile } from '../../cli/read-import-file.js';
import { withDatabase } from '../../cli/with-database.js';
import { systemActor } from '../../commands/actor.js';
import { systemClock } from '../../db/time.js';
import { importCatalogue, type ImportReport } from './import-catalogue.js';
import { ISSUE_INDEX_NUMBERS_LABEL } from './catalogue-rows.js';
import { MAX_IMPORT_BYTES } from './read-catalogue-file.js';

const ACTOR = systemActor('命令行（gongkai catalogue import）');

export function importSummary(r: ImportReport): string[] {
  const lines = [
    r.dryRun
      ? `检查完毕（未导入）：${r.filename}（${r.encoding}），共 ${r.rows} 行数据，可导入 ${r.imported} 条，不能导入 ${r.rejected.length} 行。`
      : `已导入：${r.filename}（${r.encoding}），共 ${r.rows} 行数据，导入 ${r.imported} 条，未导入 ${r.rejected.length} 行。`,
  ];
  if (r.issued > 0)
    lines.push(
      r.dryRun
        ? `其中 ${r.issued} 条没有索引号，导入时将由本平台按本机关的前段码编号。`
        : `其中 ${r.issued} 条没有索引号，已由本平台按本机关的前段码编号。`,
    );
  if (r.issuerFilled > 0)
    lines.push(`${r.issuerFilled} 条没有发布机构，${r.dryRun ? '将' : '已'}填为本机关全称。`);
  for (const x of r.rejected)
    lines.push(`第 ${x.line} 行${x.indexNumber ? `（${x.indexNumber}）` : ''}：${x.reason}`);
  return lines;
}

export function registerCatalogue(program: Command): void {
  const catalogue = program.command('catalogue').description('政府信息公开目录');
  catalogue
    .command('import')
    .description(
      '导入原门户网站导出的目录（CSV：UTF-8 或 GB18030；或 .xlsx）。表头为中文：索引号、名称、发布机构、文号、成文日期，可选：发布日期、主题分类、内容概述、正文、有效性。导入的信息即为已发布信息，保留原索引号；有问题的行逐行列出原因，不导入。没有索引号的文件默认不导入，加 --issue-index-numbers 时由本平台编号',
    )
    .requiredOption('--agency <网址标识>', '导入到哪个机关（机关的网址标识，如 lingshanwei）')
    .option('--dry-run', '只检查，不导入')
    .option(
      '--issue-index-numbers',
      `${ISSUE_INDEX_NUMBERS_LABEL}（前段码/年份-序号，年份取发布日期，没有则取成文日期）；没有发布机构的填本机关全称`,
    )
    .argument('<文件>', '.csv 或 .xlsx 文件')
    .action(
      async (
        file: string,
        opts: { agency: string; dryRun?: boolean; issueIndexNumbers?: boolean },
      ) => {
        const upload = readImportFile(file, {
          maxBytes: MAX_IMPORT_BYTES,
          tooLargeAdvice: '请按年度拆分后分别导入。',
        });
        await withDatabase(async (db) => {
          const agency = await agencyBySlugOrFail(db.kysely, opts.agency);
          const r = await importCatalogue({ db, clock: systemClock }, ACTOR, agency, upload, {
            dryRun: opts.dryRun === true,
            issueIndexNumbers: opts.issueIndexNumbers === true,
          });
          if (!r.ok)
            throw new CliError(
              `未导入任何信息：${r.errors.file ?? r.errors._form ?? '文件无法导入'}`,
            );
          process.stdout.write(`${importSummary(r.value).join('\n')}\n`);
        });
      },
    );
}
