// Reads an iCalendar (.ics) holiday calendar: each all-day VEVENT covers DTSTART up to,
// not including, DTEND. A summary saying 班 / 上班 / 补班 marks a make-up working day;
// anything else is a holiday. Names drop the markers: 「春节(休)」 → 春节.
import { addDays, makeIsoDate, toDayNumber, yearOf, type IsoDate } from './dates.js';
import { mergeDays, type CalendarReadResult } from './read-result.js';
import type { CalendarDay } from './working-days.js';

const WORK_SUMMARY = /补班|上班|[(（]\s*班\s*[)）]|^班$/;
const MAX_EVENT_DAYS = 31;

export function readCalendarIcs(text: string): CalendarReadResult {
  const warnings: string[] = [];
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  if (!lines.some((l) => l.toUpperCase() === 'BEGIN:VCALENDAR')) {
    return {
      years: [],
      days: [],
      warnings: ['文件不是 iCalendar（.ics）日历：缺少 BEGIN:VCALENDAR'],
    };
  }
  const days: CalendarDay[] = [];
  let event: Map<string, string> | null = null;
  let index = 0;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper === 'BEGIN:VEVENT') {
      event = new Map();
      index += 1;
    } else if (upper === 'END:VEVENT' && event) {
      days.push(...readEvent(event, index, warnings));
      event = null;
    } else if (event) {
      const colon = line.indexOf(':');
      if (colon > 0) {
        const key = (line.slice(0, colon).split(';')[0] ?? '').toUpperCase();
        if (!event.has(key)) event.set(key, line.slice(colon + 1));
      }
    }
  }
  if (index === 0) warnings.push('日历中没有任何事件（VEVENT）');
  const merged = mergeDays(days, warnings);
  return {
    years: [...new Set(merged.map((d) => yearOf(d.date)))].sort((a, b) => a - b),
    days: merged,
    warnings,
  };
}

function readEvent(event: Map<string, string>, index: number, warnings: string[]): CalendarDay[] {
  const summary = unescape(event.get('SUMMARY') ?? '').trim();
  const where = `第${index}个事件${summary ? `“${summary}”` : ''}`;
  const start = icsDate(event.get('DTSTART'));
  if (!start) {
    warnings.push(`${where}的开始日期（DTSTART）无法识别，已忽略`);
    return [];
  }
  const rawEnd = event.get('DTEND');
  const end = rawEnd === undefined ? addDays(start, 1) : icsDate(rawEnd);
  if (!end) {
    warnings.push(`${where}的结束日期（DTEND）无法识别，已忽略`);
    return [];
  }
  const length = toDayNumber(end) - toDayNumber(start);
  if (length < 1 || length > MAX_EVENT_DAYS) {
    warnings.push(`${where}的起止日期不合理（${start} 至 ${end}），已忽略`);
    return [];
  }
  const kind = WORK_SUMMARY.test(summary) ? 'workday' : 'holiday';
  const name =
    summary
      .replace(/[(（]\s*[休班]\s*[)）]/g, '')
      .replace(/补班|上班|放假|调休/g, '')
      .trim() || null;
  return Array.from({ length }, (_, i) => ({ date: addDays(start, i), kind, name }));
}

/** `20240101` or `20240101T000000` (a date-time is read as its calendar date). */
function icsDate(value: string | undefined): IsoDate | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/.exec(value.trim()) : null;
  return m ? makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** RFC 5545 §3.1: a line beginning with a space or tab continues the previous one. */
function unfold(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length > 0)
      out[out.length - 1] += raw.slice(1);
    else if (raw.trim()) out.push(raw.trim());
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\([,;\\nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? ' ' : ch));
}
