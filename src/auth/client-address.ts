// The client's network address for throttling. Forwarded headers are not trusted (a
// client could rotate them to dodge the limit); behind a proxy every client shares the
// proxy's address, which the per-address limit is sized for.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}
