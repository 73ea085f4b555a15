// One received report: what it is and where it came from, the agency and year it counts
// for (confirmed or corrected here), then its findings and marked tables as the console's
// check page shows them (MarkedReport: numbered as on the cells, each linked to its cell
// and back, those with one cause grouped with the likely correction, and apart the notes
// on how the file was read), with the 整改通知 to download.
import { FORMATS } from '../../reports/format/index.js';
import type { AnnualReport, Finding } from '../../reports/model.js';
import { MarkedReport, TablesStylesheet } from '../../reports/render/index.js';
import { formatLabel } from '../../reports/check-console/summary-csv.js';
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import type { Agency } from '../../agencies/agency.js';
import type { BatchFlag } from '../matching.js';
import { batchPath, noticePath, reportPath } from '../paths.js';
import { READ_AS_LABELS } from '../read-kind.js';
import { STATUS_LABELS, UNASSESSED_EXPLANATION, type ReportStatus } from '../status.js';
import type { ReportRow } from '../repository.js';
import { FlagList } from './batch-page.js';
import type { FindingCounts } from '../../reports/checks/reading-notes.js';
import { countsOf } from '../views.js';

const PREFIX = 'r-';

const countsText = (c: FindingCounts) =>
  `错误 ${c.errors} 项，提示 ${c.warnings} 项${c.notes > 0 ? `；另有读取说明 ${c.notes} 条` : ''}`;

export interface MatchValues {
  agency: string;
  year: string;
}

export function ReportPage(p: {
  row: ReportRow;
  report: AnnualReport | null;
  findings: readonly Finding[];
  status: ReportStatus;
  flags: readonly BatchFlag[];
  agency: Agency | null;
  subordinates: readonly Agency[];
  previous: ReportRow | null;
  canMatch: boolean;
  values: MatchValues;
  errors: FieldErrors;
  notice?: string | null;
}) {
  const { row, report } = p;
  return (
    <ConsolePage title={`报告：${row.name}`}>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      {row.batch_id ? (
        <p>
          <a href={batchPath(row.batch_id)}>返回批次</a>
        </p>
      ) : null}
      <dl class="facts">
        <dt>来源</dt>
        <dd>{row.name}</dd>
        <dt>大小</dt>
        <dd>{row.size > 0 ? `${Math.ceil(row.size / 1024)} KB` : '—'}</dd>
        <dt>内容摘要（SHA-256）</dt>
        <dd>
          <code>{row.sha256 ? row.sha256.slice(0, 16) : '—'}</code>
        </dd>
        <dt>读取方式</dt>
        <dd>{row.read_as ? (READ_AS_LABELS[row.read_as] ?? row.read_as) : '—'}</dd>
        <dt>报告中的机关</dt>
        <dd>{row.report_agency ?? '（报告中未写明）'}</dd>
        <dt>报告中的年度</dt>
        <dd>{row.report_year === null ? '（报告中未写明）' : `${row.report_year}年`}</dd>
        {report ? (
          <>
            <dt>报告格式</dt>
            <dd>
              {formatLabel(report.format)}（{FORMATS[report.format].basis}）
            </dd>
          </>
        ) : null}
        <dt>所属机关</dt>
        <dd>
          {p.agency ? p.agency.fullName : '未匹配'}
          {p.agency && row.confirmed !== 1 ? '（系统建议，待确认）' : ''}
        </dd>
        <dt>结论</dt>
        <dd>
          {STATUS_LABELS[p.status]}
          {row.state === 'read' ? `：${countsText(countsOf(row))}` : ''}
          {p.status === 'unassessed' ? <p class="muted">{UNASSESSED_EXPLANATION}</p> : null}
        </dd>
        <dt>计入情况</dt>
        <dd>
          <FlagList flags={p.flags} state={row.state} />
        </dd>
        <dt>与上年报告比较</dt>
        <dd>
          {p.previous ? (
            <a
              href={reportPath(p.previous.id)}
            >{`已与${p.previous.year}年度报告（${p.previous.name}）比较`}</a>
          ) : (
            '未找到该机关上一年度的报告，未作结转、存量和雷同比较'
          )}
        </dd>
      </dl>
      {row.state === 'unreadable' ? (
        <p class="notice">
          <strong>无法读取：</strong>
          {row.error}
        </p>
      ) : null}
      {p.canMatch && row.state === 'read' ? (
        <section aria-labelledby="match-title">
          <h2 id="match-title">确认所属机关和年度</h2>
          <PostForm action={`${reportPath(row.id)}/match`} label="确认所属机关和年度">
            <ErrorSummary errors={p.errors} labels={{ agency: '所属机关', year: '计入年度' }} />
            <SelectField
              name="agency"
              label="所属机关"
              value={p.values.agency}
              error={p.errors.agency}
              emptyLabel="不是本机关的下级机关"
              options={p.subordinates.map((a) => ({ value: a.id, label: a.fullName }))}
            />
            <TextField
              name="year"
              label="计入年度"
              value={p.values.year}
              error={p.errors.year}
              required
              hint="报告所述的年度；与批次年度不同时，该报告计入所填年度。"
            />
            <SubmitButton>确认</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      {report ? (
        <>
          <TablesStylesheet />
          <MarkedReport
            report={report}
            findings={p.findings}
            idPrefix={PREFIX}
            level={2}
            actions={
              p.agency ? (
                <p>
                  <a class="button secondary" href={noticePath(row.id)} download>
                    下载整改通知（Word）
                  </a>
                </p>
              ) : null
            }
          />
        </>
      ) : null}
    </ConsolePage>
  );
}
