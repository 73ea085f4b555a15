// How often an agency re-checks what it has published (清查): the rhythms it may choose, their
// Chinese names, and the period of each rhythm a moment falls in, all in China Standard Time.
// The one definition of these, used by the schedule (recheck-job.ts), the command that sets
// an agency's rhythm and the console's 清查 page. Pure: no clock, no database.
import { chineseDate } from '../portal/dates.js';

export const RECHECK_RHYTHMS = ['quarterly', 'half_yearly', 'yearly', 'irregular'] as const;
export type RecheckRhythm = (typeof RECHECK_RHYTHMS)[number];

/** The rhythm of an agency that has not chosen one: the platform's original yearly round. */
export const DEFAULT_RECHECK_RHYTHM: RecheckRhythm = 'yearly';

export const RECHECK_RHYTHM_LABELS: Record<RecheckRhythm, string> = {
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
  irregular: '不定期',
};

export function isRecheckRhythm(value: string): value is RecheckRhythm {
  return (RECHECK_RHYTHMS as readonly string[]).includes(value);
}

/** The rhythms the schedule starts rounds for (不定期 is only ever started by hand). */
export type ScheduledRhythm = Exclude<RecheckRhythm, 'irregular'>;
export const SCHEDULED_RHYTHMS: readonly ScheduledRhythm[] = ['quarterly', 'half_yearly', 'yearly'];

export interface RecheckPeriod {
  rhythm: ScheduledRhythm;
  /** Names the period among all periods of all rhythms: 2026, 2026-H1, 2026-Q1. */
  key: string;
  /** When the period began: its first day, 00:00 CST, as an ISO timestamp. */
  since: string;
  /** When the next period of the same rhythm begins (ISO timestamp). */
  until: string;
  /** The period in words: 2026年度, 2026年上半年, 2026年第一季度. */
  name: string;
  /** The title of the period's scheduled round. */
  title: string;
}

const CST_OFFSET_MS = 8 * 60 * 60_000;
const MONTHS: Record<ScheduledRhythm, number> = { quarterly: 3, half_yearly: 6, yearly: 12 };
const QUARTERS = ['一', '二', '三', '四'];

/** 00:00 CST on the first of `month` (0-based, may run past December) of `year`. */
const startOfMonthCst = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 1) - CST_OFFSET_MS).toISOString();

function nameOf(rhythm: ScheduledRhythm, year: number, index: number): string {
  if (rhythm === 'yearly') return `${year}年度`;
  if (rhythm === 'half_yearly') return `${year}年${index === 0 ? '上' : '下'}半年`;
  return `${year}年第${QUARTERS[index]}季度`;
}

function keyOf(rhythm: ScheduledRhythm, year: number, index: number): string {
  // The yearly key is the bare year, as the ids of rounds started before rhythms existed were.
  if (rhythm === 'yearly') return String(year);
  return `${year}-${rhythm === 'half_yearly' ? 'H' : 'Q'}${index + 1}`;
}

/** The period of `rhythm` that `now` falls in; none for 不定期. */
export function recheckPeriodOf(rhythm: RecheckRhythm, now: Date): RecheckPeriod | null {
  if (rhythm === 'irregular') return null;
  const cst = new Date(now.getTime() + CST_OFFSET_MS);
  const year = cst.getUTCFullYear();
  const length = MONTHS[rhythm];
  const index = Math.floor(cst.getUTCMonth() / length);
  const name = nameOf(rhythm, year, index);
  return {
    rhythm,
    key: keyOf(rhythm, year, index),
    since: startOfMonthCst(year, index * length),
    until: startOfMonthCst(year, (index + 1) * length),
    name,
    title: `${name}已公开信息清查`,
  };
}

const RULES: Record<RecheckRhythm, string> = {
  yearly:
    '每年1月1日起，系统自动为本机关发起当年度清查，列入全部已发布的信息；当年已发起过清查的（包括手动发起的），不再自动发起。',
  half_yearly:
    '每年1月1日、7月1日起，系统自动为本机关发起本半年的清查，列入全部已发布的信息；本半年已发起过清查的（包括手动发起的），不再自动发起。',
  quarterly:
    '每季度首日（1月1日、4月1日、7月1日、10月1日）起，系统自动为本机关发起本季度清查，列入全部已发布的信息；本季度已发起过清查的（包括手动发起的），不再自动发起。',
  irregular: '系统不自动发起清查，由保密审查员在本页根据需要手动发起。',
};

/** Where the agency stands in its current period, as the schedule sees it. */
export interface RecheckStanding {
  /** A round (by hand or by the schedule) has been started since the period began. */
  roundThisPeriod: boolean;
  /** The agency has published items (the schedule starts no round over nothing). */
  hasPublished: boolean;
}

/** What the 清查 page says about the agency's rhythm and its next automatic round. */
export function recheckScheduleNote(
  rhythm: RecheckRhythm,
  now: Date,
  standing: RecheckStanding,
): string {
  const head = `本机关清查周期：${RECHECK_RHYTHM_LABELS[rhythm]}。${RULES[rhythm]}`;
  const period = recheckPeriodOf(rhythm, now);
  if (!period) return head;
  if (standing.roundThisPeriod) {
    const next = recheckPeriodOf(rhythm, new Date(period.until)) as RecheckPeriod;
    return `${head}${period.name}已发起过清查；下一次自动清查：${chineseDate(next.since)}起（${next.title}）。`;
  }
  if (!standing.hasPublished)
    return `${head}本机关尚无已发布的信息，${period.name}暂不发起；有已发布的信息后，系统在一小时内自动发起${period.title}。`;
  return `${head}${period.name}尚未发起清查，系统将在一小时内自动发起${period.title}。`;
}
