// `gongkai figures import --agency SLUG FILE [--dry-run]`: table 二's yearly figures from a
// CSV (UTF-8 or GB18030) with the header 年度, 事项, 数量/金额, 来源. Prints what was taken and
// every row refused with its line number and reason; exits 0 when the file was read (even if
// some rows were refused), 2 when it was refused as a whole and nothing was stored.
import type { Command } from 'commander';
import { agencyBySlugOrFail } from '../../cli/agency-by-slug-or-fail.js';
import { CliError } from '../../cli/errors.js';
import { readImportFile } from '../../cli/read-import-file.js';
import { withDatabase } from '../../cli/with-database.js';
import { systemActor } from '../../commands/actor.js';
import { systemClock } from '../../db/time.js';
import { MAX_IMPORT_BYTES } from '../import/read-catalogue-file.js';
import { FIGURES_CSV_HEADER } from './figures-csv.js';
import { importYearFigures, type FiguresImportReport } from './figures-import.js';
import { FIGURE_LABELS } from './table-two.js';
import { wanYuanText } from './year-figures.js';

const ACTOR = systemActor('命令行（gongkai figures import）');

export function figuresSummary(r: FiguresImportReport): string[] {
  const n = r.imported.length;
  const lines = [
    r.dryRun
      ? `检查完毕（未导入）：${r.filename}（${r.encoding}），共 ${r.dataRows} 行数据，可导入 ${n} 项，不能导入 ${r.refused.length} 行。`
      : `已导入：${r.filename}（${r.encoding}），共 ${r.dataRows} 行数据，导入 ${n} 项，未导入 ${r.refused.length} 行。`,
  ];
  for (const x of r.imported)
    lines.push(
      `第 ${x.line} 行：${x.year} 年${FIGURE_LABELS[x.figure]} ${x.figure === 'fees' ? `${wanYuanText(x.value)} 万元` : `${x.value} 件`}（来源：${x.source}）`,
    );
  for (const x of r.refused) lines.push(`第 ${x.line} 行未导入：${x.reason}`);
  return lines;
}

export function registerFigures(program: Command): void {
  const figures = program.command('figures').description('年度报告表二中需填报的数据');
  figures
    .command('import')
    .description(
      `从 CSV 文件（UTF-8 或 GB18030）导入表二数据：行政许可、行政处罚、行政强制的处理决定数量，行政事业性收费金额（万元）。表头为：${FIGURES_CSV_HEADER.join('、')}，来源必填；有问题的行逐行列出原因，不导入`,
    )
    .requiredOption('--agency <网址标识>', '导入到哪个机关（机关的网址标识，如 lingshanwei）')
    .option('--dry-run', '只检查，不导入')
    .argument('<文件>', '.csv 文件')
    .action(async (file: string, opts: { agency: string; dryRun?: boolean }) => {
      const upload = readImportFile(file, { maxBytes: MAX_IMPORT_BYTES });
      await withDatabase(async (db) => {
        const agency = await agencyBySlugOrFail(db.kysely, opts.agency);
        const r = await importYearFigures({ db, clock: systemClock }, ACTOR, agency.id, upload, {
          dryRun: opts.dryRun === true,
        });
        if (!r.ok)
          throw new CliError(
            `未导入任何数据：${r.errors.file ?? r.errors._form ?? '文件无法导入'}`,
          );
        process.stdout.write(`${figuresSummary(r.value).join('\n')}\n`);
      });
    });
}
