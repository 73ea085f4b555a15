// Below the dashboard: the roll-up of the counted reports' tables in the national layout,
// and the trends over the years as charts with their tables.
import { renderTablesHtml, TablesStylesheet } from '../../reports/render/index.js';
import { reportOf } from '../repository.js';
import { rollUp } from '../rollup.js';
import type { YearFigures } from '../trends.js';
import type { Dashboard } from '../views.js';
import { TrendCharts } from './trend-charts.js';
import type { ChartRenderer } from '../charts.js';

export function SupplementTables({
  dashboard,
  trends,
  draw,
}: {
  dashboard: Dashboard;
  trends: readonly YearFigures[];
  draw: ChartRenderer;
}) {
  const reports = dashboard.rows
    .flatMap((r) => (r.report ? [reportOf(r.report)] : []))
    .filter((r) => r !== null);
  const sum = rollUp(reports, dashboard.year);
  return (
    <>
      <h2>下级机关报告表格合计</h2>
      {sum ? (
        <>
          <p class="muted">{`按国家规定格式，把已计入的 ${sum.added} 份报告的表格逐格相加（空白或无法识别的格不计）。`}</p>
          <TablesStylesheet />
          {renderTablesHtml(sum.report, { idPrefix: 'sum-' })}
        </>
      ) : (
        <p>本年度尚无计入的报告。</p>
      )}
      <TrendCharts years={trends} draw={draw} />
    </>
  );
}
