// The pages of the report check in the console: the upload form, and the results — an
// overview of every file, then per report its findings and its marked tables, drawn by the
// same MarkedReport as the supervisor's report page (numbers on the cells, links both ways,
// reading notes apart).
import { FORMATS } from '../format/index.js';
import { MarkedReport, TablesStylesheet } from '../render/index.js';
import { ErrorSummary, FileField, PostForm, SubmitButton } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { verdictOf, type CheckedReport } from './check-uploads.js';
import { RESULT_TTL_MINUTES } from './result-store.js';
import { SEVERITY_LABELS } from '../checks/labels.js';
import { formatLabel } from './summary-csv.js';
import { UPLOAD_LIMITS } from './unpack.js';
import { STATUS_LABELS, statusCounts, UNASSESSED_EXPLANATION } from '../../supervision/status.js';

export const CHECK_PATH = '/console/reports/check';
export const summaryPath = (id: string) => `${CHECK_PATH}/${id}/summary.csv`;
export const ACCEPTED_FILES = '.txt,.html,.htm,.docx,.pdf,.md,.json,.zip';

const MB = 1024 * 1024;

export function UploadForm({ error }: { error?: string }) {
  return (
    <PostForm action={CHECK_PATH} multipart label="上传年度报告">
      <ErrorSummary errors={{ files: error }} labels={{ files: '报告文件' }} />
      <FileField
        name="files"
        label="报告文件"
        accept={ACCEPTED_FILES}
        multiple
        required
        error={error}
        hint={`可一次选择多个文件：Word（.docx）、带文字层的 PDF、网页（.html）、文本（.txt）、Markdown（.md）、JSON，或把它们打成 zip 压缩包。一次上传合计不超过 ${UPLOAD_LIMITS.requestBytes / MB} MB；每个压缩包最多 ${UPLOAD_LIMITS.zipEntries} 个文件、解压后不超过 ${UPLOAD_LIMITS.zipBytes / MB} MB；一次最多检查 ${UPLOAD_LIMITS.files} 份报告。`}
      />
      <SubmitButton>开始检查</SubmitButton>
    </PostForm>
  );
}

export function UploadPage({ error }: { error?: string }) {
  return (
    <ConsolePage title="年度报告检查">
      <p class="lead">
        上传下级机关的政府信息公开工作年度报告，逐份核对表格勾稽关系、各部分是否齐全、正文数字与表格是否一致、格式与发布时间等，并标出有问题的单元格。
      </p>
      <UploadForm error={error} />
    </ConsolePage>
  );
}

function ReportResult({ checked, index }: { checked: CheckedReport; index: number }) {
  const id = `report-${index + 1}`;
  const verdict = verdictOf(checked);
  return (
    <section class="report-result" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>
        {index + 1}. {checked.name}
      </h2>
      {!checked.ok ? (
        <p class="notice">
          <strong>无法读取：</strong>
          {checked.error}
        </p>
      ) : (
        <>
          <dl class="facts">
            <dt>机关</dt>
            <dd>{checked.report.agency ?? '（报告中未写明）'}</dd>
            <dt>报告年度</dt>
            <dd>
              {checked.report.year === null ? '（报告中未写明）' : `${checked.report.year}年`}
            </dd>
            <dt>报告格式</dt>
            <dd>
              {formatLabel(checked.report.format)}（{FORMATS[checked.report.format].basis}）
            </dd>
            <dt>结论</dt>
            <dd>
              {verdict.label}：{SEVERITY_LABELS.error} {verdict.errors} 项，
              {SEVERITY_LABELS.warning} {verdict.warnings} 项
              {verdict.notes > 0 ? `；另有读取说明 ${verdict.notes} 条` : ''}
              {verdict.status === 'unassessed' ? (
                <p class="muted">{UNASSESSED_EXPLANATION}</p>
              ) : null}
            </dd>
          </dl>
          <MarkedReport
            report={checked.report}
            findings={checked.findings}
            idPrefix={`${id}-`}
            level={3}
          />
        </>
      )}
    </section>
  );
}

export function ResultsPage({
  results,
  resultId,
}: {
  results: readonly CheckedReport[];
  resultId: string;
}) {
  const verdicts = results.map(verdictOf);
  // Each file counted once, by its status's precedence: 部分未能核对 (some sums not checked,
  // a 提示 or not) are not counted as 无错误.
  const {
    errors: withErrors,
    unreadable,
    unassessed,
  } = statusCounts(verdicts.map((v) => v.status));
  return (
    <ConsolePage title="年度报告检查结果">
      <TablesStylesheet />
      <p class="lead">
        共检查 {results.length} 个文件：{withErrors} 份有错误，{unreadable} 个无法读取，
        {unassessed > 0 ? `${unassessed} 份${STATUS_LABELS.unassessed}（需人工核对），` : ''}
        {results.length - withErrors - unreadable - unassessed} 份无错误。
      </p>
      <p>
        <a class="button" href={summaryPath(resultId)} download>
          下载汇总表（CSV）
        </a>
        <span class="muted">
          　汇总表每个问题一行，可在表格软件中按机关、结论或问题代码筛选；{RESULT_TTL_MINUTES / 60}{' '}
          小时内可下载。
        </span>
      </p>
      <table class="data">
        <caption>检查结果一览</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">文件</th>
            <th scope="col">机关</th>
            <th scope="col">报告年度</th>
            <th scope="col">结论</th>
            <th scope="col">错误</th>
            <th scope="col">{SEVERITY_LABELS.warning}</th>
            <th scope="col">读取说明</th>
          </tr>
        </thead>
        <tbody>
          {results.map((checked, i) => (
            <tr>
              <td>{i + 1}</td>
              <th scope="row">
                <a href={`#report-${i + 1}`}>{checked.name}</a>
              </th>
              <td>{checked.ok ? (checked.report.agency ?? '') : ''}</td>
              <td>
                {checked.ok && checked.report.year !== null ? `${checked.report.year}年` : ''}
              </td>
              <td>{verdicts[i]!.label}</td>
              <td>{checked.ok ? verdicts[i]!.errors : ''}</td>
              <td>{checked.ok ? verdicts[i]!.warnings : ''}</td>
              <td>{checked.ok ? verdicts[i]!.notes : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {results.map((checked, i) => (
        <ReportResult checked={checked} index={i} />
      ))}
      <h2>继续检查</h2>
      <UploadForm />
    </ConsolePage>
  );
}
