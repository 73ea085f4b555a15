// Proving a staleness bound without sleeping for it: ask until the change shows, and fail if
// any answer asked the bound or later after the change was still the old one.
import assert from 'node:assert/strict';
import { STALENESS_BOUND_MS } from '../../src/db/change-mark.js';
import { SQLITE_RECHECK_MS } from '../../src/db/database.js';
import { testDialect } from './db.js';

/**
 * How soon a change committed by another connection must show: within the time SQLite's
 * counters are trusted on SQLite, within the listener's bound on PostgreSQL (decision 0029).
 */
export const CHANGE_BOUND_MS = testDialect === 'sqlite' ? SQLITE_RECHECK_MS : STALENESS_BOUND_MS;

/**
 * Asks `shows()` (true once the change is visible) until it is true; `since` is when the
 * change was committed (performance.now()). Returns how many answers were still stale.
 */
export async function seenWithin(
  shows: () => Promise<boolean>,
  since: number,
  bound: number = CHANGE_BOUND_MS,
  deadline = 10_000,
): Promise<number> {
  for (let stale = 0; ; stale++) {
    const asked = performance.now() - since;
    if (await shows()) return stale;
    assert.ok(asked < bound, `still the old answer when asked ${Math.round(asked)} ms after`);
    assert.ok(asked < deadline);
    await new Promise((r) => setTimeout(r, 5));
  }
}
