// The console upload of table 二's yearly figures (report.edit): the template to fill in,
// the file, "only check" or "import", and what was taken and each row refused by its line.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/policy.js';
import { actorOf } from '../../commands/actor.js';
import { isoDateCst } from '../../portal/dates.js';
import type { AppEnv } from '../../web/env.js';
import { readForm } from '../../web/form-input.js';
import type { FieldErrors } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { CheckOrImportForm } from '../import/check-or-import-form.js';
import { FIGURES_CSV_HEADER, figuresCsvTemplate } from './figures-csv.js';
import { importYearFigures, type FiguresImportReport } from './figures-import.js';
import { FIGURE_LABELS } from './table-two.js';
import { wanYuanText } from './year-figures.js';
import { YEAR_FIGURES_PATH } from './year-figures-paths.js';

export const FIGURES_IMPORT_PATH = `${YEAR_FIGURES_PATH}/import`;
export const FIGURES_TEMPLATE_PATH = `${YEAR_FIGURES_PATH}/template.csv`;

const SCHEMA = z.object({
  file: z
    .array(z.instanceof(File))
    .min(1, '请选择要导入的 CSV 文件')
    .max(1, '一次只能导入一个文件'),
  mode: z.enum(['check', 'import'], { error: '请选择“只检查”或“导入”' }),
});

async function editor(c: Context<AppEnv>) {
  const signedIn = await authorize(c, 'report.edit');
  return authorize(c, 'report.edit', { agencyId: signedIn.currentAgencyId, mode: 'write' });
}

function Report({ report }: { report: FiguresImportReport }) {
  return (
    <section aria-labelledby="figures-import-result">
      <h2 id="figures-import-result">{report.dryRun ? '检查结果（尚未导入）' : '导入结果'}</h2>
      <p role="status">
        {report.filename}（{report.encoding}）：共 {report.dataRows} 行数据，
        {report.dryRun
          ? `可导入 ${report.imported.length} 项`
          : `已导入 ${report.imported.length} 项`}
        ，
        {report.refused.length > 0
          ? `${report.refused.length} 行未导入，原因如下。`
          : '没有未导入的行。'}
      </p>
      {report.refused.length > 0 ? (
        <table class="data">
          <caption>未导入的行（请在原文件中改正后再导入这些行）</caption>
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">原因</th>
            </tr>
          </thead>
          <tbody>
            {report.refused.map((x) => (
              <tr>
                <td>第 {x.line} 行</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.imported.length > 0 ? (
        <table class="data">
          <caption>{report.dryRun ? '可导入的数据' : '已导入的数据'}</caption>
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">年度</th>
              <th scope="col">事项</th>
              <th scope="col">数量/金额</th>
              <th scope="col">来源</th>
            </tr>
          </thead>
          <tbody>
            {report.imported.map((r) => (
              <tr>
                <td>第 {r.line} 行</td>
                <td>{r.year}</td>
                <td>{FIGURE_LABELS[r.figure]}</td>
                <td>{r.figure === 'fees' ? `${wanYuanText(r.value)} 万元` : `${r.value} 件`}</td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function figuresImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const render = (
    c: Context<AppEnv>,
    errors: FieldErrors,
    report: FiguresImportReport | null,
    status: 200 | 400 = 200,
  ) =>
    c.html(
      <ConsolePage title="导入表二数据">
        <p>
          从统计部门提供的表格导入年度报告表二中需填报的数据：行政许可、行政处罚、行政强制的处理决定数量和行政事业性收费金额（万元）。文件中的每一行替换该年度的同一项数据，其他数据不变。建议先“只检查”，确认无误后再导入。
        </p>
        <p class="hint">
          文件格式：CSV（UTF-8 或 GB18030，即 Excel 另存为的“CSV（逗号分隔）”）。第 1 行为表头：
          {FIGURES_CSV_HEADER.join('、')}
          ；从第 2 行起每行一项：年度（如
          2021）、事项（行政许可、行政处罚、行政强制或行政事业性收费）、数量（收费填万元金额，如
          12.5）、来源（必填，如“区行政审批服务局审批系统统计”）。
        </p>
        <p>
          <a href={FIGURES_TEMPLATE_PATH} download>
            下载导入模板（CSV）
          </a>
          　<a href={YEAR_FIGURES_PATH}>返回表二数据</a>
        </p>
        {report ? <Report report={report} /> : null}
        <CheckOrImportForm
          action={FIGURES_IMPORT_PATH}
          label="导入表二数据"
          fileLabel="数据文件"
          errors={errors}
        />
      </ConsolePage>,
      status,
    );

  app.get(FIGURES_IMPORT_PATH, async (c) => {
    await editor(c);
    return render(c, {}, null);
  });

  app.get(FIGURES_TEMPLATE_PATH, async (c) => {
    await editor(c);
    const lastYear = Number(isoDateCst(c.get('deps').clock.now()).slice(0, 4)) - 1;
    return c.body(figuresCsvTemplate(lastYear), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="table-2-figures.csv"; filename*=UTF-8''${encodeURIComponent('表二数据导入模板.csv')}`,
      'cache-control': 'private, no-store',
    });
  });

  app.post(FIGURES_IMPORT_PATH, async (c) => {
    const staff = await editor(c);
    const form = await readForm(c, SCHEMA, { fields: ['mode'], files: ['file'] });
    if (!form.ok) return render(c, form.errors, null, 400);
    const file = form.data.file[0] as File;
    const r = await importYearFigures(
      c.get('deps'),
      actorOf(staff),
      staff.currentAgencyId,
      { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { dryRun: form.data.mode === 'check' },
    );
    if (!r.ok)
      return render(c, { file: r.errors.file ?? r.errors._form ?? '文件无法导入' }, null, 400);
    return render(c, {}, r.value);
  });

  return app;
}
