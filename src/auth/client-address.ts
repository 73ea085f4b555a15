// The client's network address for throttling. X-Forwarded-For is believed only when the
// socket peer is one of the deployment's own reverse proxies (TRUSTED_PROXIES): then the
// client is the right-most hop in the header that is not itself a trusted proxy. Anything
// to the left of that hop was written by the client and could be rotated to dodge a limit,
// so it is never read. Without TRUSTED_PROXIES the header is ignored entirely and, behind a
// proxy, every client shares the proxy's address. See docs/deployment.md.
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../web/env.js';

/** The parsed TRUSTED_PROXIES setting: addresses and CIDR ranges, IPv4 or IPv6. */
export interface TrustedProxies {
  has(address: string): boolean;
  /** As configured, for messages. */
  readonly entries: readonly string[];
}

/** The IPv4 inside an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`), as Node reports peers. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

/**
 * Parses a comma- or space-separated list such as `10.0.0.0/8, 127.0.0.1, fd00::/8`.
 * Returns the entries it could not read, so the configuration can name them.
 */
export function parseTrustedProxies(
  text: string,
): { ok: true; value: TrustedProxies } | { ok: false; invalid: string[] } {
  const list = new BlockList();
  const entries = text.split(/[\s,]+/).filter((s) => s !== '');
  const invalid: string[] = [];
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (family === 0 || extra !== undefined) {
      invalid.push(entry);
    } else if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
      if (bits < 0 || bits > (family === 6 ? 128 : 32)) invalid.push(entry);
      else list.addSubnet(address, bits, type);
    }
  }
  if (invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    value: {
      entries,
      has(address: string) {
        const a = unmapped(address);
        const family = isIP(a);
        return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
      },
    },
  };
}

/**
 * The client behind `peer`: the peer itself unless it is a trusted proxy, else the right-most
 * X-Forwarded-For hop that is not trusted (or the left-most, when every hop is a proxy). A
 * hop that is not an address at all ends the walk: the chain to its left is unreliable, so
 * the last trusted hop stands for the client rather than text a client wrote.
 */
export function resolveClientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | undefined,
): string {
  let client = unmapped(peer);
  if (!trusted || !trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapped(hops[i]!);
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}

export function clientAddress(c: Context<AppEnv>): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
  if (!peer) return 'unknown';
  const trusted = c.get('deps')?.config.trustedProxies;
  return resolveClientAddress(peer, c.req.header('x-forwarded-for'), trusted);
}
