// The figures of the dashboard's trends, one set per year, from the counted reports: the
// applications received (表三“一、本年新收”, 总计), the outcomes by kind (the six groups of
// 表三“三、本年度办理结果”, 总计), and the share of received reports that have errors. Taken
// from the roll-up (rollup.ts), so a blank or unreadable cell adds nothing here either. Pure.
import { FORMATS } from '../reports/format/index.js';
import { OUTCOME_GROUPS } from '../reports/format/common.js';
import { reportOf } from './repository.js';
import { rollUp } from './rollup.js';
import type { Dashboard } from './views.js';

export type OutcomeKey = (typeof OUTCOME_GROUPS)[number]['key'];

/** The outcome groups as the charts and tables name them (the form's words, shortened). */
export const OUTCOME_LABELS: Readonly<Record<OutcomeKey, string>> = {
  disclosed: '予以公开',
  partially_disclosed: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

export interface YearFigures {
  year: number;
  /** Subordinate agencies, and those whose report for the year counts. */
  agencies: number;
  received: number;
  /** Reports added up (those in the year's prevailing format). */
  added: number;
  /** null with no report added up: a year without reports has no figure, never 0. */
  applications: number | null;
  outcomes: Record<OutcomeKey, number | null>;
  withErrors: number;
  /** withErrors / received; null with no report received. */
  errorShare: number | null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The years the trends show: every one from the first to the last of `years`, at most `max`. */
export function trendYears(years: readonly number[], max: number): number[] {
  if (years.length === 0) return [];
  const last = Math.max(...years);
  const first = Math.max(Math.min(...years), last - max + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function yearFigures(d: Dashboard): YearFigures {
  const reports = d.rows.flatMap((r) => {
    const report = r.report ? reportOf(r.report) : null;
    return report ? [report] : [];
  });
  const sum = rollUp(reports, d.year);
  const requests = sum?.report.tables.requests ?? {};
  const rows = sum ? FORMATS[sum.format].requests.rows : [];
  const outcomes = Object.fromEntries(
    OUTCOME_GROUPS.map((g) => [
      g.key,
      sum
        ? rows
            .filter((r) => r.key === g.key || r.group === g.key)
            .reduce((n, r) => n + num(requests[r.key]?.total), 0)
        : null,
    ]),
  ) as Record<OutcomeKey, number | null>;
  const received = d.rows.filter((r) => r.report).length;
  // The report's own status: one published late with errors has errors all the same.
  const withErrors = d.rows.filter((r) => r.reportStatus === 'errors').length;
  return {
    year: d.year,
    agencies: d.rows.length,
    received,
    added: sum?.added ?? 0,
    applications: sum ? num(requests.received?.total) : null,
    outcomes,
    withErrors,
    errorShare: received === 0 ? null : withErrors / received,
  };
}
