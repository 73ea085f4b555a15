// Table 三 of the annual report for one agency and year, computed from its cases. Each case
// is counted by its applicant category in the rows the format defines: received in the
// year (一), open on 1 January (二, 上年结转), closed in the year under its one outcome
// (三), open on 31 December (四, 结转下年度). Every case received by the end of the year and
// not closed before it is either closed in the year or still open at its end, so
// 一 + 二 = 三（七） + 四 holds in every column by construction, and a year's 二 is the year
// before's 四. The result is the report engine's grid (src/reports/model.ts) in the
// format the year must use. Pure.
import type { IsoDate } from '../calendar/dates.js';
import { expectedFormatFor, type ReportFormat } from '../reports/format/index.js';
import type { Grid } from '../reports/model.js';
import {
  APPLICANT_CATEGORIES,
  receivedOn,
  type ApplicantCategory,
  type RequestCase,
} from './case.js';
import { isOutcomeKey, reportRowFor, type OutcomeKey } from './outcomes.js';

/** What table 三 needs of a case. */
export interface CaseSummary {
  category: ApplicantCategory;
  receivedOn: IsoDate;
  /** The day it was closed; null while open. */
  closedOn: IsoDate | null;
  /** Exactly one outcome once closed; null while open. */
  outcome: OutcomeKey | null;
}

/** A case table 三 cannot count; the message names what is wrong, in Chinese. */
export class YearTableInputError extends Error {}

/** The summary of a case, or null before its date of receipt is fixed (it is not yet received). */
export function caseSummary(c: RequestCase): CaseSummary | null {
  const received = receivedOn(c);
  if (received === null) return null;
  const closed = c.state === 'closed';
  return {
    category: c.category,
    receivedOn: received,
    closedOn: closed ? c.closedOn : null,
    outcome: closed ? c.outcome : null,
  };
}

const TOTAL = 'total';

export interface YearTable {
  year: number;
  format: ReportFormat;
  /** rowKey → columnKey → count, every cell of the format's table 三 filled. */
  grid: Grid;
}

export function yearTable(cases: Iterable<CaseSummary>, year: number): YearTable {
  const format = expectedFormatFor(year);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const counts = new Map<string, number>();
  const add = (row: string, category: ApplicantCategory) => {
    const key = `${row}|${category}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  let index = 0;
  for (const c of cases) {
    index += 1;
    checkSummary(c, index);
    if (c.receivedOn > end) continue;
    if (c.closedOn !== null && c.closedOn < start) continue;
    if (c.receivedOn >= start) add('received', c.category);
    else add('carried_in', c.category);
    if (c.closedOn !== null && c.closedOn <= end) {
      add(reportRowFor(c.outcome!, format), c.category);
      add('outcome_total', c.category);
    } else {
      add('carried_out', c.category);
    }
  }
  const grid: Grid = {};
  for (const row of format.requests.rows) {
    const cells: Record<string, number> = {};
    let total = 0;
    for (const category of APPLICANT_CATEGORIES) {
      const n = counts.get(`${row.key}|${category}`) ?? 0;
      cells[category] = n;
      total += n;
    }
    cells[TOTAL] = total;
    grid[row.key] = cells;
  }
  return { year, format, grid };
}

function checkSummary(c: CaseSummary, index: number): void {
  const where = `第${index}件申请（收到申请之日 ${c.receivedOn}）`;
  if (!(APPLICANT_CATEGORIES as readonly string[]).includes(c.category)) {
    throw new YearTableInputError(`${where}的申请人类别「${c.category}」无效`);
  }
  if ((c.closedOn === null) !== (c.outcome === null)) {
    throw new YearTableInputError(
      c.closedOn === null ? `${where}有办理结果但没有办结日期` : `${where}已办结但没有办理结果`,
    );
  }
  if (c.outcome !== null && !isOutcomeKey(c.outcome)) {
    throw new YearTableInputError(`${where}的办理结果「${c.outcome}」不在表三的分类中`);
  }
  if (c.closedOn !== null && c.closedOn < c.receivedOn) {
    throw new YearTableInputError(`${where}的办结日期 ${c.closedOn} 早于收到申请之日`);
  }
}
