// The year's dashboard: every subordinate agency with its status, its own deadline, the
// counted report's date (and whether it came late), error and warning counts and a link to
// the report; what was received but not counted; the exports.
import { chineseDateTime } from '../times.js';
import { chineseDate } from '../../reports/checks/labels.js';
import { DataTable } from '../../web/data-table.js';
import { ConsolePage } from '../../web/layout.js';
import type { Child } from 'hono/jsx';
import { FLAG_LABELS } from '../matching.js';
import { BATCHES_PATH, dashboardExportPath, dashboardPath, reportPath } from '../paths.js';
import { STATUS_LABELS, type AgencyStatus } from '../status.js';
import type { Dashboard, DashboardRow } from '../views.js';

export const DASHBOARD_ORDER: readonly AgencyStatus[] = [
  'late',
  'missing',
  'received_late',
  'unreadable',
  'errors',
  'warnings',
  'clean',
];

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

export function DashboardPage(p: {
  dashboard: Dashboard;
  years: readonly number[];
  extra?: Child;
}) {
  const d = p.dashboard;
  const tally = DASHBOARD_ORDER.map((s) => ({ s, n: d.rows.filter((r) => r.status === s).length }));
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
                <a href={dashboardPath(y)}>{`${y}年`}</a>
              )}
            </>
          ))}
          {'　'}
          <a href={BATCHES_PATH}>新建检查批次</a>
        </p>
      </nav>
      <p class="lead">
        {`下级机关共 ${d.rows.length} 个。`}
        {tally
          .filter((t) => t.n > 0)
          .map((t) => `${STATUS_LABELS[t.s]} ${t.n} 个`)
          .join('，')}
      </p>
      <p class="muted">
        截止日期按《条例》第四十九条逐个机关确定：县级以上人民政府部门为次年1月31日，本级人民政府为次年3月31日，乡镇（街道）按其上级机关确定的本地区时间（未确定的为1月31日；由上级机关的系统管理员在“年度报告公布时间”中设置）。截止日期过后仍未收到报告的，状态为“逾期未收到”；报告写明的日期在截止日期之后的，状态为“逾期公布”，其错误和提示照常列出。“读取说明”是系统读取文件时的说明，不是报告本身的问题，不计入提示。
      </p>
      <p>
        <a class="button secondary" href={dashboardExportPath(d.year, 'csv')} download>
          下载汇总表（CSV）
        </a>{' '}
        <a class="button secondary" href={dashboardExportPath(d.year, 'xlsx')} download>
          下载汇总表（Excel）
        </a>
      </p>
      <DataTable<DashboardRow>
        caption={`${d.year}年度下级机关年度报告情况`}
        rows={d.rows}
        empty="本机关没有下级机关。"
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
      {p.extra}
    </ConsolePage>
  );
}
