// The console upload of a catalogue export (publisher role): choose the file, optionally
// only check it, and read back what was imported and each row refused with its reason.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getAgencyById } from '../../agencies/agency-repository.js';
import { authorize } from '../../auth/policy.js';
import { actorOf } from '../../commands/actor.js';
import type { AppEnv } from '../../web/env.js';
import { readForm } from '../../web/form-input.js';
import { ConsolePage } from '../../web/layout.js';
import { ChoiceGroup, type FieldErrors } from '../../web/forms.js';
import { ISSUE_INDEX_NUMBERS_LABEL } from './catalogue-rows.js';
import { CheckOrImportForm } from './check-or-import-form.js';
import { PUBLICATIONS_PATH } from '../paths.js';
import { importCatalogue, type ImportReport } from './import-catalogue.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './read-catalogue-file.js';

export const IMPORT_PATH = `${PUBLICATIONS_PATH}/import`;

const SCHEMA = z.object({
  file: z
    .array(z.instanceof(File))
    .min(1, '请选择要导入的 CSV 或 .xlsx 文件')
    .max(1, '一次只能导入一个文件'),
  mode: z.enum(['check', 'import'], { error: '请选择“只检查”或“导入”' }),
  issue: z.array(z.literal('yes', { error: '编号选项无效' })).max(1),
});

function Report({ report }: { report: ImportReport }) {
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{report.dryRun ? '检查结果（尚未导入）' : '导入结果'}</h2>
      <p role="status">
        {report.filename}（{report.encoding}）：共 {report.rows} 行数据，
        {report.dryRun
          ? `可导入 ${report.imported} 条`
          : `已导入 ${report.imported} 条（已发布，可在目录中检索）`}
        ，
        {report.issued > 0
          ? `其中 ${report.issued} 条没有索引号，${report.dryRun ? '导入时将' : '已'}由本平台按本机关的前段码编号，`
          : null}
        {report.issuerFilled > 0
          ? `${report.issuerFilled} 条没有发布机构，${report.dryRun ? '将' : '已'}填为本机关全称，`
          : null}
        {report.rejected.length > 0
          ? `${report.rejected.length} 行未导入，原因如下。`
          : '没有未导入的行。'}
      </p>
      {report.rejected.length > 0 ? (
        <table class="data">
          <caption>未导入的行（请在原文件中改正后再导入这些行）</caption>
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">索引号</th>
              <th scope="col">原因</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.map((x) => (
              <tr>
                <td>第 {x.line} 行</td>
                <td>{x.indexNumber ?? '—'}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

async function publisher(c: Context<AppEnv>) {
  const signedIn = await authorize(c, 'publication.publish');
  const staff = await authorize(c, 'publication.publish', {
    agencyId: signedIn.currentAgencyId,
    mode: 'write',
  });
  const agency = await getAgencyById(c.get('deps').db.kysely, staff.currentAgencyId);
  if (!agency) throw new Error('current agency missing');
  return { staff, agency };
}

export function importRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const render = (
    c: Context<AppEnv>,
    errors: FieldErrors,
    report: ImportReport | null,
    issue: boolean,
    status: 200 | 400 = 200,
  ) =>
    c.html(
      <ConsolePage title="导入原网站的信息公开目录">
        <p>
          把原门户网站导出的目录导入本平台。导入的信息即为<strong>已发布</strong>
          的信息，保留原索引号和发布日期，正文会去除脚本等不安全内容。建议先“只检查”，确认无误后再导入。
        </p>
        <p class="hint">
          文件格式：CSV（UTF-8 或 GB18030，即 Excel 另存为的“CSV（逗号分隔）”）或 .xlsx，最大{' '}
          {MAX_IMPORT_BYTES / 1024 / 1024} MB、{MAX_IMPORT_ROWS} 行。第 1
          行为表头：索引号、名称（或标题）、发布机构（或发文机关）、文号、成文日期（或生成日期），可选：发布日期、主题分类、内容概述、正文、有效性。原网站的目录没有索引号的，可勾选下面的编号选项，由本平台按本机关的前段码编号。
        </p>
        {report ? <Report report={report} /> : null}
        <CheckOrImportForm
          action={IMPORT_PATH}
          label="导入目录"
          fileLabel="目录文件"
          errors={errors}
        >
          <ChoiceGroup
            name="issue"
            kind="checkbox"
            label="索引号"
            hint="原网站的目录没有索引号时才勾选；文件中已有的索引号保留不变，没有发布机构的填本机关全称"
            options={[{ value: 'yes', label: ISSUE_INDEX_NUMBERS_LABEL }]}
            value={issue ? ['yes'] : []}
            error={errors.issue}
          />
        </CheckOrImportForm>
      </ConsolePage>,
      status,
    );

  app.get(IMPORT_PATH, async (c) => {
    await publisher(c);
    return render(c, {}, null, false);
  });

  app.post(IMPORT_PATH, async (c) => {
    const { staff, agency } = await publisher(c);
    const form = await readForm(c, SCHEMA, {
      fields: ['mode'],
      arrays: ['issue'],
      files: ['file'],
    });
    const issue = form.values.issue.includes('yes');
    if (!form.ok) return render(c, form.errors, null, issue, 400);
    const file = form.data.file[0] as File;
    const r = await importCatalogue(
      c.get('deps'),
      actorOf(staff),
      agency,
      { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { dryRun: form.data.mode === 'check', issueIndexNumbers: issue },
    );
    if (!r.ok)
      return render(
        c,
        { file: r.errors.file ?? r.errors._form ?? '文件无法导入' },
        null,
        issue,
        400,
      );
    return render(c, {}, r.value, issue);
  });

  return app;
}
