// Listens for the change notices (change-notices.ts) on a connection of its own and keeps the
// change mark (change-mark.ts) without a round trip per page: a heartbeat every
// HEARTBEAT_MS proves the connection is keeping up; when it does not (lost, stuck, a table
// without the notice), the mark is not vouched for and the caller reads the WAL position as
// before. Reconnects by itself. Started by the first read of the mark, so commands that never
// serve pages never open it. See docs/decisions/0029-public-page-cache.md.
import pg from 'pg';
import { ChangeMark, STALENESS_BOUND_MS } from './change-mark.js';
import { CHANGE_CHANNEL, UNCOVERED_TABLES_SQL } from './change-notices.js';

export const HEARTBEAT_MS = 250;
/** A heartbeat unanswered this long means the connection is dead: it is dropped and remade. */
const STUCK_MS = 5000;
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5000;
/** A schema with a table lacking the notice, or a pooler between, is tried again this rarely. */
const UNCOVERED_RETRY_MS = 30_000;

export interface ChangeListener {
  /** The mark, or null when it is not vouched for (read the database's own mark then). */
  mark(): string | null;
  /** A write committed through this process: counted at once, before its notice arrives. */
  wrote(): void;
  /** Resolves true once the mark is vouched for, false after `timeoutMs` (tests, warm-up). */
  whenListening(timeoutMs: number): Promise<boolean>;
  /** The server process of the listening connection, while there is one. */
  backendPid(): number | null;
  close(): Promise<void>;
}

export interface ListenerOptions {
  heartbeatMs?: number;
  boundMs?: number;
  now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function listenForChanges(
  open: () => pg.Client,
  options: ListenerOptions = {},
): ChangeListener {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const now = options.now ?? (() => performance.now());
  const state = new ChangeMark(options.boundMs ?? STALENESS_BOUND_MS);
  let started = false;
  let closed = false;
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let retryMs = RETRY_FIRST_MS;

  const drop = (c: pg.Client, again = retryMs) => {
    if (client !== c) return;
    client = null;
    pid = null;
    state.lost();
    c.end().catch(() => {});
    if (closed) return;
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    void sleep(again).then(connect);
  };

  const beat = async (c: pg.Client, listener: number) => {
    while (client === c) {
      const sent = now();
      const stuck = setTimeout(() => drop(c), STUCK_MS).unref();
      let answeredBy: number | undefined;
      try {
        answeredBy = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]
          ?.pid;
      } catch {
        drop(c);
        return;
      } finally {
        clearTimeout(stuck);
      }
      if (client !== c) return;
      // The proof holds only on the session that listens: behind a pooler that hands each
      // query to any server connection (PgBouncer's transaction mode) it proves nothing.
      if (answeredBy !== listener) {
        drop(c, UNCOVERED_RETRY_MS);
        return;
      }
      state.heard(sent);
      await sleep(heartbeatMs);
    }
  };

  async function connect(): Promise<void> {
    if (closed || client) return;
    const c = open();
    client = c;
    let schema = '';
    // An error or the end of the connection drops it; `drop` acts once per connection and
    // schedules the one reconnection.
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    c.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL && n.payload === schema) state.changed();
    });
    try {
      await c.connect();
      // The listener alone never keeps a process alive: a server is kept alive by its own
      // socket, and a command or test that forgets to close the database still exits.
      (
        c as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.();
      const who = await c.query<{ schema: string; pid: number }>(
        'SELECT current_schema() AS schema, pg_backend_pid() AS pid',
      );
      schema = who.rows[0]?.schema ?? '';
      if ((await c.query(UNCOVERED_TABLES_SQL)).rows.length > 0 || schema === '') {
        drop(c, UNCOVERED_RETRY_MS);
        return;
      }
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (client !== c) return;
      const listener = who.rows[0]?.pid ?? null;
      pid = listener;
      state.connected();
      retryMs = RETRY_FIRST_MS;
      if (listener !== null) void beat(c, listener);
    } catch {
      drop(c);
    }
  }

  const start = () => {
    if (started) return;
    started = true;
    void connect();
  };

  return {
    mark() {
      start();
      return state.current(now());
    },
    wrote: () => state.changed(),
    async whenListening(timeoutMs) {
      start();
      const deadline = now() + timeoutMs;
      while (state.current(now()) === null) {
        if (now() >= deadline || closed) return false;
        // Not unref'd: whoever waits here wants the process to stay until the answer.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return true;
    },
    backendPid: () => pid,
    async close() {
      closed = true;
      const c = client;
      client = null;
      state.lost();
      await c?.end().catch(() => {});
    },
  };
}
