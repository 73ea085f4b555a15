// The site's own address, from PUBLIC_URL only. Never read from the request's Host header:
// a feed or sitemap made from a header would carry whatever host a client sent, and the
// page cache would then hand those bytes to everyone (README: the hostname is configuration).

/** PUBLIC_URL without its trailing slash, or null when it is not set or not an http(s) URL. */
export function siteBase(publicUrl: string | undefined): string | null {
  if (!publicUrl) return null;
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** A site path as an absolute URL when the address is known, else the path itself. */
export const absoluteUrl = (base: string | null, path: string) => (base ? `${base}${path}` : path);
