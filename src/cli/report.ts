// `gongkai report export --agency NAME_OR_CODE_OR_SLUG --year YYYY --to json|html|docx|csv
// [-o OUT]`: an agency's annual report from the configured database — the published one
// (its latest version) if there is one, else its draft, else composed now from the records
// (not stored). The JSON is the report engine's model, which `gongkai check` reads.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { listAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { getPublished, listVersions } from '../annual-reports/annual-report-repository.js';
import { compose } from '../annual-reports/compose.js';
import { gatherContributions } from '../annual-reports/sources.js';
import type { Database } from '../db/schema.js';
import { FEATURES, platformOf } from '../features.js';
import type { AnnualReport } from '../reports/model.js';
import { RENDER_FORMATS, isRenderFormat, renderReport } from '../reports/render/index.js';
import { CliError } from './errors.js';
import { withDatabase } from './with-database.js';

/** The agency named by its full or short name, its 统一社会信用代码, or its slug. */
export async function findAgency(db: Kysely<Database>, given: string): Promise<Agency> {
  const key = given.trim();
  const agencies = await listAgencies(db);
  const found = agencies.filter(
    (a) =>
      a.fullName === key ||
      a.shortName === key ||
      a.slug === key.toLowerCase() ||
      a.code === key.toUpperCase(),
  );
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    throw new CliError(
      `“${key}”对应多个机关（${found.map((a) => `${a.fullName}：${a.slug}`).join('；')}），请改用网址标识或机关代码。`,
      2,
    );
  throw new CliError(
    `没有找到机关“${key}”。请使用机关全称、简称、统一社会信用代码或网址标识，例如：--agency lingshanwei`,
    2,
  );
}

export async function reportToExport(
  db: Kysely<Database>,
  agency: Agency,
  year: number,
): Promise<{ report: AnnualReport; what: string }> {
  const published = await getPublished(db, agency.id, year);
  if (published) return { report: published.report, what: `已发布的第${published.version}版` };
  const draft = (await listVersions(db, agency.id, year))[0];
  if (draft) return { report: draft.report, what: `未发布的草稿（第${draft.version}版）` };
  const sources = platformOf(FEATURES).reportSources;
  const contributions = await gatherContributions(sources, db, agency.id, year);
  return {
    report: compose({ agencyName: agency.fullName, year, contributions }).report,
    what: '根据记录即时生成的草稿（未保存）',
  };
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('年度报告');
  report
    .command('export')
    .description('导出机关某年度的年度报告：已发布的版本；未发布时为草稿')
    .requiredOption('--agency <机关>', '机关全称、简称、统一社会信用代码或网址标识')
    .requiredOption('--year <年度>', '报告年度，如 2021')
    .requiredOption('--to <格式>', `输出格式：${RENDER_FORMATS.join('、')}`)
    .option('-o, --output <输出文件>', '写入的文件；不指定时文本格式输出到屏幕（docx 必须指定）')
    .action(async (opts: { agency: string; year: string; to: string; output?: string }) => {
      const to = opts.to.trim().toLowerCase();
      if (!isRenderFormat(to))
        throw new CliError(
          `不支持的输出格式“${opts.to}”；--to 只能是 ${RENDER_FORMATS.join('、')} 之一。`,
          2,
        );
      if (!/^\d{4}$/.test(opts.year.trim()))
        throw new CliError(`报告年度“${opts.year}”有误，请写四位数字的年份，如 --year 2021。`, 2);
      if (to === 'docx' && !opts.output)
        throw new CliError(
          'Word 文档（.docx）不能输出到屏幕，请用 -o 指定输出文件，例如：-o 年度报告.docx',
          2,
        );
      const year = Number(opts.year.trim());
      await withDatabase(async (db) => {
        const agency = await findAgency(db.kysely, opts.agency);
        const { report: r, what } = await reportToExport(db.kysely, agency, year);
        const output = await renderReport(r, to);
        console.error(`${agency.fullName}${year}年度报告：${what}`);
        if (!opts.output) {
          process.stdout.write(output);
          return;
        }
        try {
          await writeFile(opts.output, output);
        } catch {
          throw new CliError(`无法写入文件“${opts.output}”，请检查路径和权限。`, 2);
        }
        console.error(`已写入：${opts.output}`);
      });
    });
}
