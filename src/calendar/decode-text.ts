// Uploaded calendars arrive as bytes: UTF-8 (with or without BOM), or GB18030/GBK, which
// Chinese government sites and Windows editors still produce.
export function decodeCalendarBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Large enough for any notice or a multi-year calendar; small enough to refuse a wrong file early. */
export const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;
