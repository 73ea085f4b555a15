// Picks the reader for an uploaded or pasted calendar: JSON, iCalendar, or notice text.
import { readCalendarIcs } from './ics-reader.js';
import { readCalendarJson } from './json-reader.js';
import { readNoticeText } from './notice-reader.js';
import type { CalendarReadResult } from './read-result.js';

export type CalendarFormat = 'notice' | 'json' | 'ics';

export function detectFormat(text: string, fileName?: string): CalendarFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'ics' || ext === 'ical') return 'ics';
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ics';
  return 'notice';
}

export function readCalendarSource(
  text: string,
  fileName?: string,
): CalendarReadResult & { format: CalendarFormat } {
  const format = detectFormat(text, fileName);
  const result =
    format === 'json'
      ? readCalendarJson(text)
      : format === 'ics'
        ? readCalendarIcs(text)
        : readNoticeText(text);
  return { ...result, format };
}
