// Calendar dates as `YYYY-MM-DD` strings (the storage format, see docs/decisions/0002).
// Arithmetic goes through a UTC day number so that time zones and DST never shift a date.

export type IsoDate = string;

export type DateCheck = { ok: true; date: IsoDate } | { ok: false; error: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Validates a `YYYY-MM-DD` string, rejecting impossible dates such as 2024-02-30. */
export function checkIsoDate(input: string, label = '日期'): DateCheck {
  const text = input.trim();
  const m = ISO_DATE.exec(text);
  if (!m)
    return { ok: false, error: `${label}「${input}」格式不对，应为“年-月-日”，例如 2024-09-27` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2200)
    return { ok: false, error: `${label}「${input}」的年份超出支持范围（1900–2200年）` };
  if (month < 1 || month > 12)
    return { ok: false, error: `${label}「${input}」的月份不存在，月份应为 01–12` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, error: `${label}「${input}」不存在：${year}年${month}月只有${last}天` };
  }
  return { ok: true, date: text };
}

export function isIsoDate(input: string): boolean {
  return checkIsoDate(input).ok;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds a date from parts; returns null for an impossible date (e.g. 2月30日). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    MS_PER_DAY
  );
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)] ?? '';
}
