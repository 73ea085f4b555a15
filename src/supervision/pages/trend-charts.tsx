// The dashboard's trends over the years received: applications received, the mix of
// outcomes and the share of agencies whose report has errors — each a chart drawn on the
// server (readable without JavaScript) with the same figures as a table beside it for
// screen readers and for anyone who prefers numbers.
import { raw } from 'hono/html';
import { formatValue, type BarChart, type ChartRenderer } from '../charts.js';
import { OUTCOME_LABELS, type OutcomeKey, type YearFigures } from '../trends.js';

export interface TrendChart {
  id: string;
  chart: BarChart;
  /** Extra columns of the table (figures the chart does not draw but that explain it). */
  extra?: { label: string; values: readonly string[] };
  /** Per year, what the table says where the chart has no figure because no report came. */
  gaps: readonly (string | null)[];
}

/** A year without a received report has no figure: a gap in the chart, 「无报告」 in the table. */
const NO_REPORT = '无报告';

export function trendCharts(years: readonly YearFigures[]): TrendChart[] {
  const categories = years.map((y) => `${y.year}年`);
  const outcomeKeys = Object.keys(OUTCOME_LABELS) as OutcomeKey[];
  const gaps = years.map((y) => (y.received === 0 ? NO_REPORT : null));
  return [
    {
      id: 'chart-applications',
      chart: {
        title: '各年度本年新收政府信息公开申请数量（下级机关合计）',
        categories,
        series: [{ name: '本年新收申请', values: years.map((y) => y.applications) }],
      },
      extra: { label: '计入合计的报告', values: years.map((y) => `${y.added} / ${y.agencies}`) },
      gaps,
    },
    {
      id: 'chart-outcomes',
      chart: {
        title: '各年度申请办理结果构成（下级机关合计）',
        categories,
        stacked: true,
        series: outcomeKeys.map((k) => ({
          name: OUTCOME_LABELS[k],
          values: years.map((y) => y.outcomes[k]),
        })),
      },
      gaps,
    },
    {
      id: 'chart-error-share',
      chart: {
        title: '各年度有错误的报告占收到报告的比例',
        categories,
        percent: true,
        series: [{ name: '有错误的报告占比', values: years.map((y) => y.errorShare) }],
      },
      extra: {
        label: '有错误 / 收到报告',
        values: years.map((y) => `${y.withErrors} / ${y.received}`),
      },
      gaps,
    },
  ];
}

function ChartTable({ t }: { t: TrendChart }) {
  const { chart } = t;
  return (
    <table class="data">
      <caption>{`${chart.title}（图表数据）`}</caption>
      <thead>
        <tr>
          <th scope="col">年度</th>
          {chart.series.map((s) => (
            <th scope="col">{s.name}</th>
          ))}
          {t.extra ? <th scope="col">{t.extra.label}</th> : null}
        </tr>
      </thead>
      <tbody>
        {chart.categories.map((c, i) => (
          <tr>
            <th scope="row">{c}</th>
            {chart.series.map((s) => {
              const v = s.values[i] ?? null;
              return <td>{v === null && t.gaps[i] ? t.gaps[i] : formatValue(v, chart.percent)}</td>;
            })}
            {t.extra ? <td>{t.extra.values[i]}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TrendCharts({
  years,
  draw,
}: {
  years: readonly YearFigures[];
  draw: ChartRenderer;
}) {
  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">历年趋势</h2>
      <p class="muted">
        按各年度已计入的报告逐格相加（空白或无法识别的格不计）；每幅图下方的表格列出同样的数字。
      </p>
      {trendCharts(years).map((t) => (
        <figure class="chart" id={t.id} aria-labelledby={`${t.id}-title`}>
          <figcaption id={`${t.id}-title`}>{t.chart.title}</figcaption>
          {raw(draw(t.chart))}
          <details>
            <summary>{`查看“${t.chart.title}”的数据表`}</summary>
            <ChartTable t={t} />
          </details>
        </figure>
      ))}
    </section>
  );
}
