// One received report: what it is and where it came from, the agency and year it counts
// for (confirmed or corrected here), its problems — numbered as on the marked tables, each
// linked to its cell and back, those with one cause grouped with the likely correction —
// and, apart, the notes on how the file was read.
import { FORMATS } from '../../reports/format/index.js';
import { groupFindings } from '../../reports/checks/grouping.js';
import type { AnnualReport, Finding } from '../../reports/model.js';
import { renderTablesHtml } from '../../reports/render/index.js';
import { markedCellId } from '../../reports/render/html-tables.js';
import { markCells } from '../../reports/render/marks.js';
import { tableLayouts } from '../../reports/render/layout.js';
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
import {
  SEVERITY_LABELS,
  STATUS_LABELS,
  UNASSESSED_EXPLANATION,
  type ReportStatus,
} from '../status.js';
import type { ReportRow } from '../repository.js';
import { FlagList } from './batch-page.js';
import { numberedFindings, type FindingCounts } from '../../reports/checks/reading-notes.js';
import { countsOf } from '../views.js';

const PREFIX = 'r-';

const countsText = (c: FindingCounts) =>
  `错误 ${c.errors} 项，提示 ${c.warnings} 项${c.notes > 0 ? `；另有读取说明 ${c.notes} 条` : ''}`;

function FindingItems({
  findings,
  start,
  cellOf,
}: {
  findings: readonly Finding[];
  start: number;
  cellOf: (n: number) => string | null;
}) {
  return (
    <ol class="finding-list" start={start}>
      {findings.map((f, i) => {
        const n = start + i;
        const cell = cellOf(n);
        return (
          <li class={`finding finding-${f.severity}`} id={`${PREFIX}finding-${n}`}>
            <strong>{SEVERITY_LABELS[f.severity]}</strong>（{f.code}）：{f.message}
            {cell ? (
              <>
                {' '}
                <a href={`#${cell}`}>{`在表中查看第${n}条`}</a>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

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
  const { problems, notes, all } = numberedFindings(p.findings);
  const layouts = report ? tableLayouts(report) : [];
  const marks = markCells(all, layouts);
  const firstCell = new Map<number, string>();
  for (const [key, mark] of marks) {
    const [table, r, column] = key.split('\u0000') as [string, string, string];
    for (const n of mark.findingNumbers)
      if (!firstCell.has(n)) firstCell.set(n, markedCellId(PREFIX, table, r, column));
  }
  const cellOf = (n: number) => firstCell.get(n) ?? null;
  const groups = report ? groupFindings(report, problems) : [];
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
          <h2>报告中的问题</h2>
          {p.agency && problems.length > 0 ? (
            <p>
              <a class="button secondary" href={noticePath(row.id)} download>
                下载整改通知（Word）
              </a>
            </p>
          ) : null}
          {groups.length > 0 ? (
            <section aria-labelledby="groups-title">
              <h3 id="groups-title">同一原因引起的问题</h3>
              <ul>
                {groups.map((g) => (
                  <li>
                    {`第${g.members.map((i) => i + 1).join('、')}条很可能出自同一处：`}
                    <strong>{g.correction}</strong>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {problems.length === 0 ? (
            <p class="notice ok">未发现问题。</p>
          ) : (
            <FindingItems findings={problems} start={1} cellOf={cellOf} />
          )}
          {notes.length > 0 ? (
            <section aria-labelledby="notes-title">
              <h2 id="notes-title">读取说明</h2>
              <p class="muted">
                以下是系统读取该文件时的说明，并非报告本身的问题；涉及的单元格同样标出，请对照原文核实。
              </p>
              <FindingItems findings={notes} start={problems.length + 1} cellOf={cellOf} />
            </section>
          ) : null}
          <h2>报告表格</h2>
          {marks.size > 0 ? (
            <p class="muted">
              有问题的单元格加粗加框，并标出对应的问题序号（✗ 为错误，!
              为提示）；点击序号可跳到该问题。
            </p>
          ) : null}
          {renderTablesHtml(report, {
            marked: all,
            idPrefix: PREFIX,
            linked: true,
          })}
        </>
      ) : null}
    </ConsolePage>
  );
}
