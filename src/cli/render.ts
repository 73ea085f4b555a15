// `gongkai render FILE --to html|docx|json|csv [-o OUT]`: reads a report in any form
// `gongkai check` reads and writes it in the official layout (HTML, Word) or as data
// (JSON, CSV). Text formats go to standard output unless -o is given. A report with error
// findings is refused (exit 1, the errors listed) unless --force is given.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readReportBytes } from '../reports/read/read-file.js';
import { ReportReader } from '../reports/read/reader-pool.js';
import { checkReport } from '../reports/checks/index.js';
import { RENDER_FORMATS, isRenderFormat, renderReport } from '../reports/render/index.js';
import { CliError } from './errors.js';

const FORMAT_NAMES = {
  html: '网页（HTML）',
  docx: 'Word 文档（.docx）',
  json: 'JSON 数据',
  csv: 'CSV 表格',
} as const;

function fileError(path: string, err: unknown, writing: boolean): CliError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const what = writing ? '无法写入文件' : '无法读取文件';
  const why =
    code === 'ENOENT'
      ? writing
        ? '所在的文件夹不存在'
        : '文件不存在，请检查路径'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有权限'
        : code === 'EISDIR'
          ? '这是一个文件夹，不是文件'
          : '请检查路径和权限';
  return new CliError(`${what}“${path}”：${why}。`, 2);
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('把年度报告转换为官方版式的网页或 Word 文档，或 JSON、CSV 数据')
    .argument('<文件>', '年度报告文件（txt、html、docx、pdf、md 或 json，与 check 命令可读的相同）')
    .requiredOption('--to <格式>', `输出格式：${RENDER_FORMATS.join('、')}`)
    .option('-o, --output <输出文件>', '写入的文件；不指定时文本格式输出到屏幕（docx 必须指定）')
    .option('--force', '报告有错误时仍然生成（错误照样列出）')
    .action(async (file: string, opts: { to: string; output?: string; force?: boolean }) => {
      const to = opts.to.trim().toLowerCase();
      if (!isRenderFormat(to)) {
        throw new CliError(
          `不支持的输出格式“${opts.to}”；--to 只能是 ${RENDER_FORMATS.join('、')} 之一。`,
          2,
        );
      }
      if (to === 'docx' && !opts.output) {
        throw new CliError(
          'Word 文档（.docx）不能输出到屏幕，请用 -o 指定输出文件，例如：-o 年度报告.docx',
          2,
        );
      }
      const bytes = await readReportBytes(file);
      if (!(bytes instanceof Uint8Array)) {
        throw bytes.code
          ? fileError(file, bytes, false)
          : new CliError(`无法读取文件“${file}”：${bytes.error}`, 2);
      }
      // Read in a worker like every report, so a damaged file ends in a message.
      const reader = new ReportReader({ workers: 1 });
      const parsed = await reader.read(bytes, file).finally(() => reader.close());
      if (!parsed.ok) throw new CliError(`无法读取年度报告“${file}”：${parsed.error}`, 2);
      for (const f of parsed.findings) console.error(`提示：${f.message}`);
      // A report with errors is not rendered as if it were fit to publish, unless asked to.
      const errors = checkReport(parsed.report).filter((f) => f.severity === 'error');
      for (const f of errors) console.error(`错误：${f.message}`);
      if (errors.length > 0 && !opts.force) {
        throw new CliError(
          `报告中有${errors.length}处错误（见上），未生成文件。请改正后重试；如确需按原样生成，请加 --force。`,
          1,
        );
      }

      const output = await renderReport(parsed.report, to);
      if (!opts.output) {
        process.stdout.write(output);
        return;
      }
      try {
        await writeFile(opts.output, output);
      } catch (err) {
        throw fileError(opts.output, err, true);
      }
      console.log(`已生成${FORMAT_NAMES[to]}：${opts.output}`);
    });
}
