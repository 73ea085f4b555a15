// The year's dashboard: every subordinate agency with its status, its own deadline, the
// counted report's date (and whether it came late), error and warning counts and a link to
// the report; what was received but not counted; the exports.
import { chineseDateTime } from '../times.js';
import { chineseDate } from '../../reports/checks/labels.js';
import { DataTable, ListProblems } from '../../web/data-table.js';
import { SelectField, SubmitButton } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import type { Child } from 'hono/jsx';
import { FLAG_LABELS } from '../matching.js';
import { statusTally, withStatus } from '../dashboard-filter.js';
import {
  BATCHES_PATH,
  dashboardExportPath,
  dashboardPath,
  reportPath,
  SUPERVISION_PATH,
} from '../paths.js';
import { STATUS_LABELS, type AgencyStatus } from '../status.js';
import type { Dashboard, DashboardRow } from '../views.js';

/** The counted report's own date, and whether it came after the agency's deadline. */
export function ReportDate({ row }: { row: DashboardRow }) {
  if (!row.report) return <></>;
  if (!row.reportDate) return <>报告未写明日期</>;
  const on = chineseDate(row.reportDate.on);
  return row.reportDate.daysLate > 0 ? (
    <strong class="flag">{`${on}（逾期${row.reportDate.daysLate}天公布）`}</strong>
  ) : (
    <>{on}</>
  );
}

/**
 * Each status's count, each a link to the agencies of that status (the one shown is not a
 * link), and 全部 back to every agency: the filter without JavaScript or a form.
 */
function StatusTally({ all, status }: { all: Dashboard; status: AgencyStatus | null }) {
  const shown = statusTally(all).filter((t) => t.count > 0 || t.status === status);
  return (
    <p class="lead">
      {`下级机关共 ${all.rows.length} 个`}
      {shown.length > 0 ? '：' : '。'}
      {shown.map((t, i) => {
        const words = `${STATUS_LABELS[t.status]} ${t.count} 个`;
        return (
          <>
            {i > 0 ? '，' : null}
            {t.status === status ? (
              <strong aria-current="true">{words}</strong>
            ) : (
              <a href={dashboardPath(all.year, t.status)}>{words}</a>
            )}
          </>
        );
      })}
      {status ? (
        <>
          {'。'}
          <a href={dashboardPath(all.year)}>显示全部机关</a>
        </>
      ) : shown.length > 0 ? (
        '。'
      ) : null}
    </p>
  );
}

export function DashboardPage(p: {
  dashboard: Dashboard;
  /** The status the list is narrowed to, null for every agency. */
  status: AgencyStatus | null;
  /** What was asked for and ignored, in Chinese (an unknown status or year). */
  problems: readonly string[];
  years: readonly number[];
  extra?: Child;
}) {
  const all = p.dashboard;
  const d = withStatus(all, p.status);
  const tally = statusTally(all);
  const label = p.status ? STATUS_LABELS[p.status] : null;
  return (
    <ConsolePage title={`${d.year}年度报告汇总`}>
      <nav aria-label="选择年度">
        <p>
          {'年度：'}
          {p.years.map((y, i) => (
            <>
              {i > 0 ? '　' : null}
              {y === d.year ? (
                <strong aria-current="page">{`${y}年`}</strong>
              ) : (
                <a href={dashboardPath(y, p.status)}>{`${y}年`}</a>
              )}
            </>
          ))}
          {'　'}
          <a href={BATCHES_PATH}>新建检查批次</a>
        </p>
      </nav>
      <ListProblems problems={p.problems} />
      <StatusTally all={all} status={p.status} />
      <p class="muted">
        截止日期按《条例》第四十九条逐个机关确定：县级以上人民政府部门为次年1月31日，本级人民政府为次年3月31日，乡镇（街道）按其上级机关确定的本地区时间（未确定的为1月31日；由上级机关的系统管理员在“年度报告公布时间”中设置）。截止日期过后仍未收到报告的，状态为“逾期未收到”；报告写明的日期在截止日期之后的，状态为“逾期公布”，其错误和提示照常列出。“读取说明”是系统读取文件时的说明，不是报告本身的问题，不计入提示。
      </p>
      <form method="get" action={SUPERVISION_PATH} class="form" aria-label="按状态筛选">
        <input type="hidden" name="year" value={String(d.year)} />
        <SelectField
          name="status"
          label="状态"
          value={p.status ?? ''}
          emptyLabel={`全部（${all.rows.length} 个）`}
          options={tally.map((t) => ({
            value: t.status,
            label: `${STATUS_LABELS[t.status]}（${t.count} 个）`,
          }))}
        />
        <SubmitButton secondary>筛选</SubmitButton>
      </form>
      <p>
        <a class="button secondary" href={dashboardExportPath(d.year, 'csv', p.status)} download>
          下载汇总表（CSV）
        </a>{' '}
        <a class="button secondary" href={dashboardExportPath(d.year, 'xlsx', p.status)} download>
          下载汇总表（Excel）
        </a>
        <span class="muted" id="export-rows">
          {label
            ? `　汇总表只含下表列出的状态为“${label}”的 ${d.rows.length} 个机关；要下载全部 ${all.rows.length} 个机关，请先选择“全部”。`
            : `　汇总表含全部 ${all.rows.length} 个下级机关。`}
        </span>
      </p>
      <DataTable<DashboardRow>
        caption={`${d.year}年度下级机关年度报告情况${label ? `：${label}（${d.rows.length} 个）` : ''}`}
        rows={d.rows}
        empty={label ? `没有状态为“${label}”的下级机关。` : '本机关没有下级机关。'}
        columns={[
          { label: '机关', cell: (r) => r.agency.fullName },
          {
            label: '状态',
            cell: (r) => <span class={`status status-${r.status}`}>{STATUS_LABELS[r.status]}</span>,
          },
          { label: '截止日期', cell: (r) => chineseDate(r.dueOn) },
          { label: '报告日期', cell: (r) => <ReportDate row={r} /> },
          { label: '错误', cell: (r) => (r.counts ? String(r.counts.errors) : '') },
          { label: '提示', cell: (r) => (r.counts ? String(r.counts.warnings) : '') },
          { label: '读取说明', cell: (r) => (r.counts ? String(r.counts.notes) : '') },
          {
            label: '收到时间',
            cell: (r) => (r.report ? chineseDateTime(r.report.created_at) : ''),
          },
          {
            label: '报告',
            cell: (r) =>
              r.report ? (
                <a href={reportPath(r.report.id)}>{`查看问题（${r.report.name}）`}</a>
              ) : (
                ''
              ),
          },
        ]}
      />
      {d.uncounted.length > 0 ? (
        <>
          <h2>收到但未计入的报告</h2>
          <ul>
            {d.uncounted.map((u) => (
              <li>
                <a href={reportPath(u.row.id)}>{u.row.name}</a>
                {`：${u.flags.map((f) => FLAG_LABELS[f]).join('；')}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {label && p.extra ? (
        <p class="muted">
          以下的表格合计和趋势图按本年度全部计入的报告计算，不受上方状态筛选的影响。
        </p>
      ) : null}
      {p.extra}
    </ConsolePage>
  );
}
