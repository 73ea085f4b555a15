// Compressed copies of a kept page (src/web/page-cache.ts), and which one a request asked for.
// A catalogue page is about 20 KB of HTML and compresses to about 4 KB; the bytes written to
// the socket are most of what a kept page costs the server (and all a reader on a slow line
// waits for), so each kept page is compressed at most once per coding, never per request.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

/**
 * Brotli quality 5 and gzip level 6: a few tenths of a millisecond each for a 20 KB page (brotli's
 * best quality takes 30 ms for 12 % fewer bytes — too slow for the first view after a change).
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

export type Compressed = Exclude<Coding, 'identity'>;

/**
 * The page's bytes in `coding`, or null when that would not make them smaller. Made when a
 * kept page is first asked for in that coding, not for every coding when it is stored: most
 * readers' browsers ask for br, and a page kept but never asked for again costs nothing.
 */
export function compress(body: Uint8Array, coding: Compressed): Uint8Array | null {
  const out =
    coding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : gzipSync(body, { level: GZIP_LEVEL });
  return out.byteLength < body.byteLength ? out : null;
}

/**
 * The coding to answer with, from an `Accept-Encoding` header (RFC 9110 §12.5.3): of br and
 * gzip (x-gzip is gzip), the one with the higher quality value, br on a tie; `*` stands for
 * any not named; `q=0` refuses. No header, or neither acceptable: the page as it is.
 */
export function preferredCoding(accept: string | undefined): Coding {
  if (!accept) return 'identity';
  let coding = chosen.get(accept);
  if (coding === undefined) {
    coding = codingOf(accept);
    if (chosen.size >= CHOSEN_ENTRIES) chosen.clear();
    chosen.set(accept, coding);
  }
  return coding;
}

/**
 * The answer for each header seen lately: browsers send a handful of distinct headers, and
 * reading one costs a kept page more than looking it up. Bounded, since the header is the
 * client's to choose.
 */
const chosen = new Map<string, Coding>();
const CHOSEN_ENTRIES = 64;

function codingOf(accept: string): Coding {
  let br: number | undefined;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of accept.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=');
      if (k?.trim().toLowerCase() === 'q') q = Number(v?.trim());
    }
    if (!Number.isFinite(q)) q = 0;
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gzip = Math.max(gzip ?? 0, q);
    else if (name === '*') any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzipQ = gzip ?? any ?? 0;
  if (brQ <= 0 && gzipQ <= 0) return 'identity';
  return brQ >= gzipQ ? 'br' : 'gzip';
}
