// 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): charged only where the
// number or frequency of applications clearly exceeds a reasonable range (第四十二条), either
// per application or per page — one method per application, never both. Both scales are
// progressive. Money is integer fen (docs/decisions/0002-dates-and-money.md). Pure.
import type { IsoDate } from '../calendar/dates.js';

/** Integer 分. */
export type Fen = number;

export type FeeMethod = 'per_application' | 'per_page';

export const FEE_METHOD_LABELS: Readonly<Record<FeeMethod, string>> = {
  per_application: '按件计收',
  per_page: '按量计收',
};

/** A band of a progressive scale: units `from`…`to` (inclusive; `to` null = no end) cost `fen` each. */
export interface FeeBand {
  from: number;
  to: number | null;
  fen: Fen;
}

/**
 * 按件: the same applicant's applications in one calendar month, counted together. 1–10
 * free; 11–30 100 元 each; from the 31st every further band of 10 costs 100 元 more each
 * (31–40: 200 元, 41–50: 300 元, …). The open-ended rule is computed, not listed.
 */
export function perApplicationBand(ordinal: number): FeeBand {
  requireCount(ordinal, 1, '件数');
  if (ordinal <= 10) return { from: 1, to: 10, fen: 0 };
  if (ordinal <= 30) return { from: 11, to: 30, fen: 100_00 };
  const step = Math.floor((ordinal - 31) / 10);
  return { from: 31 + step * 10, to: 40 + step * 10, fen: (200 + step * 100) * 100 };
}

/** 按量: pages of one application. 1–30 free; 31–100 10 元/页; 101–200 20 元/页; 201+ 40 元/页. */
export const PER_PAGE_BANDS: readonly FeeBand[] = [
  { from: 1, to: 30, fen: 0 },
  { from: 31, to: 100, fen: 10_00 },
  { from: 101, to: 200, fen: 20_00 },
  { from: 201, to: null, fen: 40_00 },
];

/** The largest count accepted, far beyond any real month or document, so sums stay exact. */
export const MAX_FEE_UNITS = 1_000_000;

/** A count the fee rules cannot work with; the message says what to fix, in Chinese. */
export class FeeInputError extends Error {}

/** The fee of the application that is the `ordinal`-th of its applicant in the month. */
export function perApplicationFee(ordinal: number): Fen {
  return perApplicationBand(ordinal).fen;
}

/** One line of a fee's working: `count` units of a band at `fen` each. */
export interface FeeLine {
  from: number;
  to: number;
  count: number;
  fenEach: Fen;
  fen: Fen;
}

export interface FeeWorking {
  method: FeeMethod;
  lines: FeeLine[];
  total: Fen;
}

/** What one applicant owes in total for `applications` applications in one calendar month. */
export function perApplicationTotal(applications: number): FeeWorking {
  requireCount(applications, 0, '件数');
  const lines: FeeLine[] = [];
  let n = 1;
  while (n <= applications) {
    const band = perApplicationBand(n);
    const to = Math.min(band.to ?? applications, applications);
    lines.push(line(n, to, band.fen));
    n = to + 1;
  }
  return { method: 'per_application', lines, total: sum(lines) };
}

/** The fee for one application of `pages` pages. */
export function perPageFee(pages: number): FeeWorking {
  requireCount(pages, 0, '页数');
  const lines: FeeLine[] = [];
  for (const band of PER_PAGE_BANDS) {
    if (pages < band.from) break;
    lines.push(line(band.from, Math.min(band.to ?? pages, pages), band.fen));
  }
  return { method: 'per_page', lines, total: sum(lines) };
}

/** The fee of one application: by exactly one method (the union allows no other). */
export type FeeBasis =
  | {
      method: 'per_application';
      /** its place among the applicant's applications this month, from 1 */ ordinal: number;
    }
  | { method: 'per_page'; pages: number };

export function feeFor(basis: FeeBasis): Fen {
  return basis.method === 'per_application'
    ? perApplicationFee(basis.ordinal)
    : perPageFee(basis.pages).total;
}

/**
 * The place of an application among the same applicant's applications of its calendar
 * month (1 = the first), given the dates of receipt of all of them. Applications received
 * the same day keep the order in which they were given.
 */
export function ordinalInMonth(receivedOn: readonly IsoDate[], index: number): number {
  const date = receivedOn[index];
  if (date === undefined) throw new RangeError(`no application ${index}`);
  const month = date.slice(0, 7);
  let ordinal = 1;
  receivedOn.forEach((other, i) => {
    if (i === index || other.slice(0, 7) !== month) return;
    if (other < date || (other === date && i < index)) ordinal += 1;
  });
  return ordinal;
}

/** A fee paid: on which day, how much. */
export interface FeePayment {
  paidOn: IsoDate;
  fen: Fen;
}

/** The fees collected in `year`, for section 六 of the annual report. */
export function feesCollectedInYear(payments: Iterable<FeePayment>, year: number): Fen {
  const prefix = `${year}-`;
  let total = 0;
  for (const p of payments) {
    if (!Number.isSafeInteger(p.fen) || p.fen < 0) throw new RangeError(`bad amount ${p.fen}`);
    if (p.paidOn.startsWith(prefix)) total += p.fen;
  }
  return total;
}

/** 「2200」, 「12.5」: 元 with exactly the fen there are, no float arithmetic. */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`bad amount ${fen}`);
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  if (rest === 0) return String(yuan);
  return `${yuan}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The working in Chinese, one line per band, e.g. 「第11–30件：20件 × 100元 = 2000元」. */
export function describeFee(working: FeeWorking): string[] {
  const unit = working.method === 'per_application' ? '件' : '页';
  return working.lines.map((l) => {
    const range = l.from === l.to ? `第${l.from}${unit}` : `第${l.from}–${l.to}${unit}`;
    return l.fenEach === 0
      ? `${range}：${l.count}${unit}，免费`
      : `${range}：${l.count}${unit} × ${formatYuan(l.fenEach)}元 = ${formatYuan(l.fen)}元`;
  });
}

function line(from: number, to: number, fenEach: Fen): FeeLine {
  const count = to - from + 1;
  return { from, to, count, fenEach, fen: count * fenEach };
}

function sum(lines: readonly FeeLine[]): Fen {
  return lines.reduce((a, l) => a + l.fen, 0);
}

function requireCount(n: number, min: number, what: string): void {
  if (!Number.isInteger(n) || n < min || n > MAX_FEE_UNITS) {
    throw new FeeInputError(`${what}「${n}」无效：应为 ${min} 到 ${MAX_FEE_UNITS} 之间的整数`);
  }
}
