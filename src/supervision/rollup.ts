// The sum of the subordinates' tables for a year, as one report in the national layout: each
// cell the sum of the cells the counted reports give (a blank or unreadable cell adds
// nothing). Only reports in the year's format are added up; pure.
import type { FormatId } from '../reports/format/index.js';
import type { AnnualReport, Grid } from '../reports/model.js';

function addGrid(into: Grid, from: Grid): void {
  for (const [row, cells] of Object.entries(from)) {
    const target = (into[row] ??= {});
    for (const [column, value] of Object.entries(cells)) {
      if (typeof value !== 'number') continue;
      const held = target[column];
      const sum = (typeof held === 'number' ? held : 0) + value;
      target[column] = Math.round(sum * 10000) / 10000;
    }
  }
}

export function rollUp(
  reports: readonly AnnualReport[],
  year: number,
): { report: AnnualReport; added: number; format: FormatId } | null {
  if (reports.length === 0) return null;
  const counts = new Map<FormatId, number>();
  for (const r of reports) counts.set(r.format, (counts.get(r.format) ?? 0) + 1);
  const format = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const same = reports.filter((r) => r.format === format);
  const tables = { proactive: {} as Grid, requests: {} as Grid, review: {} as Grid };
  for (const r of same) {
    addGrid(tables.proactive, r.tables.proactive);
    addGrid(tables.requests, r.tables.requests);
    addGrid(tables.review, r.tables.review);
  }
  return {
    report: { agency: null, year, format, publishedOn: null, sections: [], tables },
    added: same.length,
    format,
  };
}
