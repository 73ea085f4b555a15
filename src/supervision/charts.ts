// The dashboard's trend charts, drawn on the server as SVG by echarts (server-side
// rendering, no browser, no JavaScript on the page). The one chart builder: a bar chart of
// one or more series over categories (the years), each bar labelled with its figure so that
// the picture carries the numbers it shows.
//
// The page's CSP forbids inline styles, and echarts writes its text fonts as `style`
// attributes plus a `<style>` element of hover rules (meaningless in a static picture). The
// SVG is therefore rewritten to SVG presentation attributes (font-size="…", which the CSP
// does not govern) and the `<style>` element dropped, so it can be part of the page itself.
import type * as ECharts from 'echarts';

/** Chinese text in the charts: the fonts a Chinese desktop or phone has, Noto Sans CJK first. */
export const CHART_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by the legend too. */
const PALETTE = ['#1f5fa8', '#b3541e', '#2f7d32', '#7b3fa0', '#8a6d00', '#a3263b', '#33658a'];

export interface ChartSeries {
  name: string;
  /** One value per category; null where there is no figure (no bar is drawn). */
  values: readonly (number | null)[];
}

export interface BarChart {
  /** What the chart shows, also its accessible name's start. */
  title: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Bars of several series stacked into one per category. */
  stacked?: boolean;
  /** Values are fractions shown as percentages (0.25 → 25%). */
  percent?: boolean;
  width?: number;
  height?: number;
}

const finite = (v: number | null): v is number => typeof v === 'number' && Number.isFinite(v);

export function formatValue(v: number | null, percent = false): string {
  if (!finite(v)) return '—';
  return percent ? `${Math.round(v * 100)}%` : String(Math.round(v * 100) / 100);
}

/** The chart's figures in words, for the SVG's accessible name (the table says it fully too). */
export function chartSummary(chart: BarChart): string {
  const parts = chart.categories.map((c, i) => {
    // A category with no figure at all (a year without reports) is one gap, not one per series.
    if (chart.series.every((s) => !finite(s.values[i] ?? null))) return `${c}：—`;
    const cells = chart.series.map((s) => {
      const v = formatValue(s.values[i] ?? null, chart.percent);
      return chart.series.length > 1 ? `${s.name}${v}` : v;
    });
    return `${c}：${cells.join('，')}`;
  });
  return `${chart.title}。${parts.join('；')}。`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** CSS declarations of a `style` attribute → the same as SVG presentation attributes. */
function styleToAttributes(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const at = d.indexOf(':');
      const name = d.slice(0, at).trim().toLowerCase();
      const value = d.slice(at + 1).trim();
      return /^[a-z-]+$/.test(name) && value ? ` ${name}="${escapeAttr(value)}"` : '';
    })
    .join('');
}

/** echarts' SVG made fit for a page under a strict CSP (see the head of this file). */
export function cspSafeSvg(svg: string, label: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, style: string) => styleToAttributes(style))
    .replace(/ (?:class|ecmeta_[a-z_]+)="[^"]*"/g, '')
    .replace(
      /^<svg width="(\d+)" height="(\d+)"/,
      `<svg width="100%" role="img" aria-label="${escapeAttr(label)}" focusable="false"`,
    );
}

/** Draws a chart as one `<svg>` element, its figures on the bars. */
export type ChartRenderer = (chart: BarChart) => string;

/**
 * The renderer, with echarts loaded when the first chart is drawn: 45 MB of the server's
 * memory that only the supervisor's dashboard needs. The page asks for it before rendering.
 */
export async function chartRenderer(): Promise<ChartRenderer> {
  const echarts = await import('echarts');
  return (chart) => barChartSvg(echarts, chart);
}

function barChartSvg(echarts: typeof ECharts, chart: BarChart): string {
  const width = chart.width ?? 640;
  const height = chart.height ?? 320;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const many = chart.series.length > 1;
    const labels = (v: number | null) => formatValue(v, chart.percent);
    instance.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: CHART_FONTS, fontSize: 14, color: '#222222' },
      grid: { left: 56, right: 16, top: many ? 56 : 24, bottom: 36, containLabel: true },
      legend: many
        ? {
            top: 0,
            left: 'center',
            itemWidth: 14,
            itemHeight: 14,
            textStyle: { fontSize: 14, color: '#222222' },
          }
        : { show: false },
      xAxis: {
        type: 'category',
        data: [...chart.categories],
        axisLabel: { color: '#222222', fontSize: 14 },
        axisLine: { lineStyle: { color: '#555555' } },
      },
      yAxis: {
        type: 'value',
        minInterval: chart.percent ? 0.1 : 1,
        max: chart.percent ? 1 : undefined,
        axisLabel: {
          color: '#222222',
          fontSize: 13,
          formatter: (v: number) => labels(v),
        },
        splitLine: { lineStyle: { color: '#d9d9d9' } },
      },
      series: chart.series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: chart.stacked ? 'all' : undefined,
        barMaxWidth: 64,
        data: s.values.map((v) => (finite(v) ? v : null)),
        label: {
          show: true,
          position: chart.stacked ? 'inside' : 'top',
          color: chart.stacked ? '#ffffff' : '#222222',
          fontSize: 13,
          formatter: (p: { value: number | null }) =>
            chart.stacked && !p.value ? '' : labels(p.value),
        },
      })),
    });
    return cspSafeSvg(instance.renderToSVGString(), chartSummary(chart));
  } finally {
    instance.dispose();
  }
}
