// Dates as Chinese readers see them, in China Standard Time (UTC+8, no daylight saving):
// a page rendered at 20:00 UTC on 31 December already shows 1 January.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026年11月29日` for an instant or an ISO timestamp. */
export function chineseDate(when: Date | string): string {
  const d = new Date(new Date(when).getTime() + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `2026-11-29` (for <time datetime>) in China Standard Time. */
export function isoDateCst(when: Date | string): string {
  return new Date(new Date(when).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
