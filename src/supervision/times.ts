// When a batch was submitted or a report received, as the supervision pages and exports
// write it: the project's Chinese date in China time (portal/dates.ts) with the time of day
// on the pages, and the spreadsheets' YYYY-MM-DD with it in the exports. Pure.
import { chineseDate, isoDateCst } from '../portal/dates.js';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const timeOfDay = (iso: string) => clock.format(new Date(iso));

/** 「2026年12月2日 10:53」 for an ISO timestamp. */
export function chineseDateTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : `${chineseDate(iso)} ${timeOfDay(iso)}`;
}

/** `2026-12-02 10:53` (China time) for an ISO timestamp, as the exports write dates. */
export function isoDateTimeCst(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : `${isoDateCst(iso)} ${timeOfDay(iso)}`;
}
