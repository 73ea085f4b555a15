// The console's report editor: status and deadline, every finding with a link to its
// place, the six sections as text fields, the tables (computed ones as the national format
// prints them, typed ones as a form in the same rows and columns), last year's report
// beside it with the differences, and the approve / publish / correct actions.
import { renderTablesHtml } from '../../reports/render/index.js';
import { FORMATS, tableShape, type TableKey } from '../../reports/format/index.js';
import { columnLabel, rowLabel } from '../../reports/checks/labels.js';
import type { Finding } from '../../reports/model.js';
import { chineseDate } from '../../portal/dates.js';
import {
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextArea,
  fieldId,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import { STATUS_LABELS, type StoredReport } from '../annual-report.js';
import { cellField, cellText, PREAMBLE_FIELD, sectionField, SECTION_MAX } from '../edit-form.js';
import { publicReportPath, reportPath, REPORTS_PATH } from '../paths.js';
import type { CellChange } from '../tables.js';
import { FindingsList } from './findings-list.js';
import { LastYearView } from './last-year.js';
import type { LastYear } from '../last-year.js';
import { cellsToConfirm, ImportSection } from './import-section.js';
import { IMPORT_FIELD } from '../import-upload.js';

const TABLE_NAMES: Record<TableKey, string> = {
  proactive: '表二　主动公开政府信息情况',
  requests: '表三　收到和处理政府信息公开申请情况',
  review: '表四　政府信息公开行政复议、行政诉讼情况',
};

export interface DeadlineView {
  due: string;
  basis: string;
  /** Days past the due date (today or at publication); null when in time. */
  daysLate: number | null;
}

export interface EditorProps {
  stored: StoredReport;
  agencySlug: string;
  findings: readonly Finding[];
  deadline: DeadlineView;
  previous: LastYear | null;
  previousChanges: CellChange[];
  versions: readonly StoredReport[];
  canApprove: boolean;
  canEdit: boolean;
  values: Record<string, string> | null;
  errors: FieldErrors;
  changes: CellChange[] | null;
  notice: string | null;
  assets: { css: string; js: string };
}

function ChangesTable({
  changes,
  format,
  caption,
}: {
  changes: CellChange[];
  format: (typeof FORMATS)[keyof typeof FORMATS];
  caption: string;
}) {
  return (
    <div class="table-scroll" role="region" tabindex={0} aria-label={caption}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">表格</th>
            <th scope="col">行</th>
            <th scope="col">列</th>
            <th scope="col">原数</th>
            <th scope="col">现数</th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, 100).map((ch) => (
            <tr>
              <td>{TABLE_NAMES[ch.table].split('　')[0]}</td>
              <td>{rowLabel(format, ch.table, ch.row)}</td>
              <td>{columnLabel(format, ch.table, ch.row, ch.column)}</td>
              <td>{cellText(ch.before) || '（空）'}</td>
              <td>{cellText(ch.after) || '（空）'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TypedTable(props: {
  stored: StoredReport;
  table: TableKey;
  values: Record<string, string> | null;
  findings: readonly Finding[];
}) {
  const { stored, table } = props;
  const format = FORMATS[stored.report.format];
  const grid = stored.report.tables[table];
  const flagged = new Set(
    props.findings
      .filter((f) => f.table === table && f.row)
      .map((f) => `${f.row}|${f.column ?? ''}`),
  );
  const toConfirm = cellsToConfirm(stored, table);
  return (
    <div
      class="table-scroll"
      role="region"
      tabindex={0}
      aria-labelledby={`typed-${table}-caption`}
      id={`typed-${table}`}
    >
      <table class="data-table typed-table">
        <caption id={`typed-${table}-caption`}>{TABLE_NAMES[table]}（由本机关填报）</caption>
        <tbody>
          {tableShape(format, table).map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              {row.columns.map((col) => {
                const name = cellField(table, row.key, col.key);
                const bad = flagged.has(`${row.key}|${col.key}`) || flagged.has(`${row.key}|`);
                const unsure =
                  toConfirm.has(`${row.key}|${col.key}`) || toConfirm.has(`${row.key}|`);
                return (
                  <td class={unsure ? 'to-confirm' : undefined}>
                    <label class="visually-hidden" for={fieldId(name)}>
                      {`${row.label}·${col.parentLabel ? `${col.parentLabel}·` : ''}${col.label}`}
                    </label>
                    <input
                      id={fieldId(name)}
                      name={name}
                      class="cell-input"
                      inputmode={col.kind === 'amount' ? 'decimal' : 'numeric'}
                      size={4}
                      value={props.values?.[name] ?? cellText(grid[row.key]?.[col.key])}
                      aria-invalid={bad ? 'true' : undefined}
                    />
                    <span class="cell-col" aria-hidden="true">
                      {col.label}
                    </span>
                    {unsure ? <strong class="cell-confirm">待核对</strong> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EditorPage(p: EditorProps) {
  const { stored } = p;
  const report = stored.report;
  const format = FORMATS[report.format];
  const editable = stored.status !== 'published' && p.canEdit;
  const typed = (['proactive', 'requests', 'review'] as const).filter(
    (t) => !stored.computed.includes(t),
  );
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  const title = `${stored.year}年度政府信息公开工作年度报告（第${stored.version}版）`;
  return (
    <ConsolePage title={title}>
      <link rel="stylesheet" href={p.assets.css} />
      <script src={p.assets.js} defer></script>
      <NoticeBanner message={p.notice} />
      <ErrorSummary errors={p.errors} />
      <p>
        <a href={REPORTS_PATH}>全部年度报告</a>
      </p>
      <section aria-labelledby="status-title">
        <h2 id="status-title">状态与公布时限</h2>
        <dl class="facts">
          <dt>状态</dt>
          <dd id="report-status">{STATUS_LABELS[stored.status]}</dd>
          <dt>公布截止日期</dt>
          <dd>
            {chineseDate(p.deadline.due)}（{p.deadline.basis}）
            {p.deadline.daysLate !== null ? (
              <strong class="error-text">
                {stored.status === 'published' ? '　发布时已逾期' : '　已逾期'}
                {p.deadline.daysLate}天（LATE）
              </strong>
            ) : null}
          </dd>
          {stored.approvedBy ? (
            <>
              <dt>审核</dt>
              <dd>
                {stored.approvedBy}，{chineseDate(stored.approvedAt!)}
              </dd>
            </>
          ) : null}
          {stored.publishedAt ? (
            <>
              <dt>发布</dt>
              <dd>
                {chineseDate(stored.publishedAt)}　
                <a href={publicReportPath(p.agencySlug, stored.year, stored.version)}>
                  查看公开页面
                </a>
              </dd>
            </>
          ) : null}
          {stored.changeNote ? (
            <>
              <dt>更正说明</dt>
              <dd>{stored.changeNote}</dd>
            </>
          ) : null}
          <dt>表格来源</dt>
          <dd>
            {stored.computed.length > 0
              ? `${stored.computed.map((t) => TABLE_NAMES[t].split('　')[0]).join('、')}根据本平台的记录计算，不能手工修改`
              : '本平台没有相关记录'}
            {typed.length > 0
              ? `；${typed.map((t) => TABLE_NAMES[t].split('　')[0]).join('、')}由本机关填报`
              : ''}
          </dd>
        </dl>
        {p.versions.length > 1 ? (
          <>
            <h3>历史版本</h3>
            <ul>
              {p.versions.map((v) => (
                <li>
                  {v.id === stored.id ? (
                    <strong>第{v.version}版（当前）</strong>
                  ) : (
                    <a href={reportPath(v.id)}>第{v.version}版</a>
                  )}
                  ：{STATUS_LABELS[v.status]}
                  {v.changeNote ? `；更正说明：${v.changeNote}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="findings-title">
        <h2 id="findings-title">检查结果</h2>
        <p class="muted">每次保存都会按国家统一格式的全部规则检查；开启脚本时边写边检查。</p>
        <div id="findings" aria-live="polite">
          <FindingsList findings={p.findings} typedTables={typed} />
        </div>
      </section>

      {p.changes ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">重新计算的结果</h2>
          {p.changes.length === 0 ? (
            <p class="notice ok">记录没有变化，表格数字与上次计算相同。</p>
          ) : (
            <>
              <p class="notice warn">
                有{p.changes.length}
                个单元格发生变化。请核对正文中的相关数字；如已审核，需要重新审核。
              </p>
              <ChangesTable changes={p.changes} format={format} caption="发生变化的单元格" />
            </>
          )}
        </section>
      ) : null}

      {editable ? (
        <ImportSection stored={stored} typed={typed} error={p.errors[IMPORT_FIELD]} />
      ) : null}

      <section aria-labelledby="text-title">
        <h2 id="text-title">正文与表格</h2>
        {editable ? (
          <PostForm action={reportPath(stored.id)} label="编辑年度报告">
            <div class="report-section" id="section-preamble">
              <TextArea
                name={PREAMBLE_FIELD}
                label="报告开头的说明（“一、总体情况”之前）"
                rows={4}
                maxlength={SECTION_MAX}
                value={p.values?.[PREAMBLE_FIELD] ?? report.preamble ?? ''}
                error={p.errors[PREAMBLE_FIELD]}
                hint="通常写明编制依据、统计期限和咨询方式；不需要时可以清空。"
              />
            </div>
            {format.sections.map((def) => {
              const s = report.sections.find((x) => x.key === def.key);
              const name = sectionField(def.key);
              const here = p.findings.filter((f) => f.section === def.key);
              return (
                <div class="report-section" id={`section-${def.key}`}>
                  <TextArea
                    name={name}
                    label={s?.heading ?? `${def.numeral}、${def.title}`}
                    rows={8}
                    maxlength={SECTION_MAX}
                    value={p.values?.[name] ?? s?.text ?? ''}
                    error={
                      p.errors[name] ??
                      (here.length > 0 ? here.map((f) => f.message).join('；') : undefined)
                    }
                    hint={
                      def.key === 'problems' && !s?.text
                        ? '本平台没有这方面的记录，请本机关填写存在的主要问题及改进情况。'
                        : undefined
                    }
                  />
                </div>
              );
            })}
            {typed.map((t) => (
              <TypedTable stored={stored} table={t} values={p.values} findings={p.findings} />
            ))}
            <SubmitButton>保存并检查</SubmitButton>
          </PostForm>
        ) : (
          <>
            {(report.preamble ?? '').split('\n').map((line) => (line ? <p>{line}</p> : null))}
            {format.sections.map((def) => {
              const s = report.sections.find((x) => x.key === def.key);
              return (
                <div class="report-section">
                  <h3>{s?.heading ?? `${def.numeral}、${def.title}`}</h3>
                  {(s?.text ?? '').split('\n').map((line) => (line ? <p>{line}</p> : null))}
                </div>
              );
            })}
          </>
        )}
        <h3>表格（按国家统一格式）</h3>
        {renderTablesHtml(report, { marked: p.findings })}
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">审核与发布</h2>
        {editable && stored.computed.length > 0 ? (
          <PostForm action={`${reportPath(stored.id)}/recompute`} label="重新计算表格">
            <p class="hint">
              记录有变化（如补录了申请、复议结果）后，重新计算表格并查看变化的单元格；正文不会被改动。
            </p>
            <SubmitButton secondary>重新计算表格</SubmitButton>
          </PostForm>
        ) : null}
        {stored.status === 'draft' && p.canApprove ? (
          <PostForm action={`${reportPath(stored.id)}/approve`} label="审核通过">
            <p class="hint">
              {errors > 0
                ? `还有${errors}处错误，改正后才能审核通过。`
                : '审核以已保存的内容为准。'}
            </p>
            <SubmitButton>审核通过</SubmitButton>
          </PostForm>
        ) : null}
        {stored.status === 'draft' && p.canEdit && !p.canApprove ? (
          <p class="muted">草稿保存后，请负责人审核。</p>
        ) : null}
        {stored.status === 'approved' && p.canApprove ? (
          <PostForm action={`${reportPath(stored.id)}/publish`} label="发布">
            {stored.version > 1 ? (
              <TextArea
                name="changeNote"
                label="更正说明"
                rows={3}
                maxlength={500}
                required
                hint="写明本版更正了什么、为什么；公众在报告页面可以看到。"
                value={p.values?.changeNote ?? ''}
                error={p.errors.changeNote}
              />
            ) : null}
            <SubmitButton>发布到政府信息公开专栏</SubmitButton>
          </PostForm>
        ) : null}
        {stored.status === 'published' && p.canEdit && p.versions[0]?.id === stored.id ? (
          <PostForm action={`${reportPath(stored.id)}/correct`} label="发起更正">
            <p class="hint">已发布的报告不能直接修改。更正将形成新版本，原版本保留并可查阅。</p>
            <SubmitButton secondary>发起更正</SubmitButton>
          </PostForm>
        ) : null}
        <h3>下载</h3>
        <ul>
          {(['html', 'docx', 'json'] as const).map((to) => (
            <li>
              <a href={`${reportPath(stored.id)}/download.${to}`}>
                {{ html: '网页（HTML）', docx: 'Word 文档（.docx）', json: 'JSON 数据' }[to]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="previous-title">
        <h2 id="previous-title">上年度报告对照</h2>
        {p.previous ? (
          <>
            <p>
              {p.previous.report.year ?? stored.year - 1}年度报告（{p.previous.source}）。
              {p.previous.href ? <a href={p.previous.href}>查看上年度报告</a> : null}
            </p>
            {p.previousChanges.length === 0 ? <p>表格数字与上年度相同。</p> : null}
            <LastYearView stored={stored} lastYear={p.previous} findings={p.findings} />
          </>
        ) : (
          <p class="muted">
            本平台没有本机关上年度发布的报告，上级机关核查时也未收到，无法比对上年结转和雷同情况。
          </p>
        )}
      </section>
    </ConsolePage>
  );
}
