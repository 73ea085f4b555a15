// The chart builder: the SVG carries the figures it draws (and none that are not numbers),
// names itself for screen readers, and holds nothing the page's CSP would refuse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartRenderer, chartSummary, cspSafeSvg, type BarChart } from './charts.js';

const barChartSvg = await chartRenderer();

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const applications: BarChart = {
  title: '本年新收申请',
  categories: ['2020年', '2021年'],
  series: [{ name: '本年新收申请', values: [12, 37] }],
};

test('each bar is labelled with its figure; the years are on the axis', () => {
  const labels = texts(barChartSvg(applications));
  for (const v of ['12', '37', '2020年', '2021年']) assert.ok(labels.includes(v), v);
});

test('no style attribute or element is left, so the SVG can sit in a page under style-src self', () => {
  const svg = barChartSvg({ ...applications, stacked: true });
  assert.doesNotMatch(svg, /\sstyle=|<style/);
  assert.match(svg, /font-family="'Noto Sans CJK SC'/, 'Chinese fonts, Noto Sans CJK first');
  assert.match(
    svg,
    /^<svg width="100%" role="img" aria-label="本年新收申请。2020年：12；2021年：37。"/,
  );
});

test('a missing figure draws no bar, is never NaN, and reads as — in the summary', () => {
  const chart: BarChart = {
    title: '有错误的报告占比',
    categories: ['2020年', '2021年'],
    percent: true,
    series: [{ name: '占比', values: [null, 0.25] }],
  };
  const svg = barChartSvg(chart);
  assert.doesNotMatch(svg, /NaN|undefined|Infinity/);
  assert.ok(texts(svg).includes('25%'));
  assert.equal(chartSummary(chart), '有错误的报告占比。2020年：—；2021年：25%。');
});

test('several series: a legend, and each value named by its series in the summary', () => {
  const chart: BarChart = {
    title: '办理结果',
    categories: ['2021年'],
    stacked: true,
    series: [
      { name: '予以公开', values: [5] },
      { name: '不予公开', values: [2] },
    ],
  };
  const labels = texts(barChartSvg(chart));
  for (const v of ['予以公开', '不予公开', '5', '2']) assert.ok(labels.includes(v), v);
  assert.equal(chartSummary(chart), '办理结果。2021年：予以公开5，不予公开2。');
});

test('style declarations become presentation attributes; quotes in a label are escaped', () => {
  const out = cspSafeSvg(
    '<svg width="10" height="10" viewBox="0 0 10 10"><text style="font-size:12px;font-weight:bold;">1</text><style>.a:hover{}</style></svg>',
    '说"明"',
  );
  assert.equal(
    out,
    '<svg width="100%" role="img" aria-label="说&quot;明&quot;" focusable="false" viewBox="0 0 10 10"><text font-size="12px" font-weight="bold">1</text></svg>',
  );
});

test('a category with no figure in any series is one gap, its place on the axis kept', () => {
  const chart: BarChart = {
    title: '办理结果',
    categories: ['2021年', '2022年', '2023年'],
    stacked: true,
    series: [
      { name: '予以公开', values: [5, null, 4] },
      { name: '不予公开', values: [2, null, 1] },
    ],
  };
  assert.equal(
    chartSummary(chart),
    '办理结果。2021年：予以公开5，不予公开2；2022年：—；2023年：予以公开4，不予公开1。',
  );
  const labels = texts(barChartSvg(chart));
  assert.ok(labels.includes('2022年'), 'the year without figures stays on the axis');
  assert.doesNotMatch(barChartSvg(chart), /NaN|undefined/);
});
