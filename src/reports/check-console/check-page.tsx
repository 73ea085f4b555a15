// The pages of the report check in the console: the upload form, and the results — an
// overview of every file, then per report its findings (errors first) and its tables with
// the cells the findings concern marked.
import { FORMATS } from '../format/index.js';
import type { Finding } from '../model.js';
import { renderTablesHtml } from '../render/index.js';
import { ErrorSummary, FileField, PostForm, SubmitButton } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { verdictOf, type CheckedReport } from './check-uploads.js';
import { RESULT_TTL_MINUTES } from './result-store.js';
import { SEVERITY_LABELS } from '../checks/labels.js';
import { formatLabel } from './summary-csv.js';
import { UPLOAD_LIMITS } from './unpack.js';
import { STATUS_LABELS, UNASSESSED_EXPLANATION } from '../../supervision/status.js';
import { numberedFindings } from '../checks/reading-notes.js';

export const CHECK_PATH = '/console/reports/check';
export const summaryPath = (id: string) => `${CHECK_PATH}/${id}/summary.csv`;
export const ACCEPTED_FILES = '.txt,.html,.htm,.docx,.pdf,.md,.json,.zip';

const MB = 1024 * 1024;

/** The stylesheet of the report tables (linked from the page body: the layout owns <head>). */
function TablesStylesheet({ href }: { href: string }) {
  return <link rel="stylesheet" href={href} />;
}

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

function FindingList({
  findings,
  start,
  id,
}: {
  findings: readonly Finding[];
  start: number;
  id?: string;
}) {
  return (
    <ol class="finding-list" start={start} id={id}>
      {findings.map((f) => (
        <li class={`finding finding-${f.severity}`}>
          <strong>{SEVERITY_LABELS[f.severity]}</strong>（{f.code}）：{f.message}
        </li>
      ))}
    </ol>
  );
}

/**
 * A report's own problems, then apart the notes on how its file was read (numbered after
 * them, as the marked cells are), as on the supervision report page.
 */
function Findings({ findings, idPrefix }: { findings: readonly Finding[]; idPrefix: string }) {
  const { problems, notes } = numberedFindings(findings);
  return (
    <>
      <h3>发现的问题</h3>
      {problems.length === 0 ? (
        <p class="notice ok">未发现问题。</p>
      ) : (
        <FindingList findings={problems} start={1} id={`${idPrefix}findings`} />
      )}
      {notes.length > 0 ? (
        <>
          <h3 id={`${idPrefix}notes-title`}>读取说明</h3>
          <p class="muted">
            以下是系统读取该文件时的说明，并非报告本身的问题，不计入提示；涉及的单元格同样标出，请对照原文核实。
          </p>
          <FindingList findings={notes} start={problems.length + 1} id={`${idPrefix}notes`} />
        </>
      ) : null}
    </>
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
          <Findings findings={checked.findings} idPrefix={`${id}-`} />
          <h3>报告表格</h3>
          {checked.findings.some((f) => f.table) ? (
            <p class="muted">
              有问题的单元格加粗并加框，标有 ✗（{SEVERITY_LABELS.error}）或 !（
              {SEVERITY_LABELS.warning}），读屏软件会读出对应的问题序号。
            </p>
          ) : null}
          {renderTablesHtml(checked.report, {
            marked: numberedFindings(checked.findings).all,
            idPrefix: `${id}-`,
          })}
        </>
      )}
    </section>
  );
}

export function ResultsPage({
  results,
  resultId,
  stylesheetHref,
}: {
  results: readonly CheckedReport[];
  resultId: string;
  stylesheetHref: string;
}) {
  const verdicts = results.map(verdictOf);
  const withErrors = verdicts.filter((v) => v.errors > 0).length;
  const unreadable = verdicts.filter((v) => v.status === 'unreadable').length;
  // Not counted as 无错误: their sums were not all checked.
  const unassessed = verdicts.filter((v) => v.status === 'unassessed').length;
  return (
    <ConsolePage title="年度报告检查结果">
      <TablesStylesheet href={stylesheetHref} />
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
