// 索引号: 「前段码/YYYY-NNNNN」, the front part the agency's code (统一社会信用代码, or the
// older 组织机构代码), then the year and a 5-digit serial within the agency and year, e.g.
// 000014349/2018-00222. Pure formatting and the URL form; issuing is repository.ts.
export const MAX_SERIAL = 99_999;

export function formatIndexNumber(agencyCode: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL)
    throw new RangeError(`serial ${serial} out of range`);
  return `${agencyCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/**
 * The index number as one URL path segment: '/' becomes '-', and anything else that is not
 * a letter, digit or '-' becomes '-' too (imported local variants), so the URL needs no
 * escaping and stays the same for as long as the index number does.
 * 000014349/2018-00222 → 000014349-2018-00222.
 */
export function urlKeyOf(indexNumber: string): string {
  return indexNumber.replace(/[^A-Za-z0-9-]/g, '-');
}

/** Whether `key` is shaped like a URL key (a cheap check before any lookup). */
export function isUrlKey(key: string): boolean {
  return /^[A-Za-z0-9-]{1,80}$/.test(key);
}
