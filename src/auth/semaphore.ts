// A counting semaphore with a bounded queue, for work that must neither take every worker
// nor pile up. A sign-in's password check costs most of a second and 128 MiB of scrypt on
// libuv's small thread pool (4 threads by default); without a bound, a burst of sign-ins
// would occupy all of them for as long as the burst lasts, and every other user's hashing
// (and file and DNS work, which share the pool) would wait behind it.

export type SemaphoreResult<T> = { ok: true; value: T } | { ok: false };

export class Semaphore {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  /**
   * @param concurrency how many tasks may run at once
   * @param maxQueue how many more may wait for a slot; beyond that `run` refuses at once
   */
  constructor(
    readonly concurrency: number,
    readonly maxQueue: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError('concurrency must be a positive integer');
    if (!Number.isInteger(maxQueue) || maxQueue < 0)
      throw new RangeError('maxQueue must be a non-negative integer');
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `task` when a slot is free (first come, first served) and returns its value. When
   * every slot is taken and `maxQueue` tasks already wait, returns `{ ok: false }` at once
   * without running it, so the caller can answer "busy" instead of making the client wait.
   */
  async run<T>(task: () => Promise<T>): Promise<SemaphoreResult<T>> {
    if (this.#active < this.concurrency) {
      this.#active++;
    } else {
      if (this.#waiting.length >= this.maxQueue) return { ok: false };
      // The finishing task hands its slot straight to us (see #release), so a newcomer
      // cannot take it in between and the queue stays in order.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    try {
      return { ok: true, value: await task() };
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}
