// Timestamps are stored as ISO-8601 UTC text (`2024-09-27T08:00:00.000Z`) and calendar
// dates as `YYYY-MM-DD` text in both databases: fixed-width text sorts and compares the
// same way in SQLite and PostgreSQL, and the driver returns the same JS type from both.
// See docs/decisions/0002-dates-and-money.md.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function toTimestamp(d: Date): string {
  return d.toISOString();
}

export function nowTimestamp(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

/** A clock whose time tests can move. */
export function fixedClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(d: Date | string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(d: Date | string) {
      t = new Date(d).getTime();
    },
  };
}
