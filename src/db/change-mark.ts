// The change mark of a PostgreSQL database as this process knows it without asking: a count
// of the change notices heard on a listening connection (and of the writes made through this
// process), vouched for only while that connection has recently proved it is keeping up.
// Pure: the listener (change-listener.ts) feeds it events and times. See
// docs/decisions/0029-public-page-cache.md.

/**
 * How old a change may be before every instance has seen it: a change committed this long
 * ago is in the mark, or the mark is not vouched for and the database is asked instead.
 */
export const STALENESS_BOUND_MS = 1000;

export class ChangeMark {
  #epoch = 0;
  #count = 0;
  #listening = false;
  /** When the last heartbeat that came back was sent (monotonic ms). */
  #vouchedFrom = Number.NEGATIVE_INFINITY;

  constructor(private readonly boundMs: number = STALENESS_BOUND_MS) {}

  /**
   * A listening connection is in place. Nothing said before it was heard, so the mark starts
   * a new epoch (never equal to one read before) and is vouched for only after a heartbeat.
   */
  connected(): void {
    this.#epoch++;
    this.#listening = true;
    this.#vouchedFrom = Number.NEGATIVE_INFINITY;
  }

  /** The listening connection is gone: notices may be missed until the next one. */
  lost(): void {
    this.#listening = false;
  }

  /** A change notice arrived, or this process committed a write. */
  changed(): void {
    this.#count++;
  }

  /**
   * A heartbeat sent at `sentAt` was answered. The server sends a listener every notice of a
   * change committed before a query arrives ahead of that query's answer, so every change
   * committed before `sentAt` has been counted.
   */
  heard(sentAt: number): void {
    if (this.#listening && sentAt > this.#vouchedFrom) this.#vouchedFrom = sentAt;
  }

  /**
   * The mark at `now`, or null when it is not vouched for (no connection, or no heartbeat
   * answered from within the bound): then a change older than the bound could be missing.
   */
  current(now: number): string | null {
    return this.#listening && now - this.#vouchedFrom < this.boundMs
      ? `n${this.#epoch}:${this.#count}`
      : null;
  }
}
