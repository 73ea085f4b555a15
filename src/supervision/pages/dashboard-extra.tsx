// Below the dashboard: the roll-up of the counted reports' tables in the national layout,
// and the trends over the years as tables (applications received, outcomes, share of
// agencies with errors).
import { renderTablesHtml } from '../../reports/render/index.js';
import { reportOf } from '../repository.js';
import { rollUp } from '../rollup.js';
import type { Dashboard } from '../views.js';

const n = (v: unknown) => (typeof v === 'number' ? v : 0);

export function trendOf(d: Dashboard) {
  const reports = d.rows
    .flatMap((r) => (r.report ? [reportOf(r.report)] : []))
    .filter((r) => r !== null);
  const total = rollUp(reports, d.year)?.report.tables.requests ?? {};
  const withErrors = d.rows.filter((r) => r.status === 'errors').length;
  const received = d.rows.filter((r) => r.report).length;
  return {
    year: d.year,
    agencies: d.rows.length,
    received,
    applications: n(total.received?.total),
    disclosed: n(total.disclosed?.total) + n(total.partially_disclosed?.total),
    outcomes: n(total.outcome_total?.total),
    errorShare: received === 0 ? null : withErrors / received,
  };
}

export function SupplementTables({
  dashboard,
  history,
}: {
  dashboard: Dashboard;
  history: readonly Dashboard[];
}) {
  const reports = dashboard.rows
    .flatMap((r) => (r.report ? [reportOf(r.report)] : []))
    .filter((r) => r !== null);
  const sum = rollUp(reports, dashboard.year);
  const trends = history.map(trendOf);
  return (
    <>
      <h2>下级机关报告表格合计</h2>
      {sum ? (
        <>
          <p class="muted">{`按国家规定格式，把已计入的 ${sum.added} 份报告的表格逐格相加（空白或无法识别的格不计）。`}</p>
          {renderTablesHtml(sum.report, { idPrefix: 'sum-' })}
        </>
      ) : (
        <p>本年度尚无计入的报告。</p>
      )}
      <h2>历年趋势</h2>
      <table class="data">
        <caption>各年度收到申请、处理结果和有错误报告的比例</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">收到报告</th>
            <th scope="col">本年新收申请</th>
            <th scope="col">办结申请</th>
            <th scope="col">其中予以公开或部分公开</th>
            <th scope="col">有错误的报告占比</th>
          </tr>
        </thead>
        <tbody>
          {trends.map((t) => (
            <tr>
              <th scope="row">{`${t.year}年`}</th>
              <td>{`${t.received} / ${t.agencies}`}</td>
              <td>{t.applications}</td>
              <td>{t.outcomes}</td>
              <td>{t.disclosed}</td>
              <td>{t.errorShare === null ? '—' : `${Math.round(t.errorShare * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
