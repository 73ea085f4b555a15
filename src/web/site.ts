// The site as a whole: who runs it (主办单位) and what it is called. One Gongkai hosts the
// columns of many agencies; the top of the agency hierarchy is the host of the site.
import { createMiddleware } from 'hono/factory';
import { getTopLevelAgency } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Db } from '../db/database.js';
import { getSiteIdentity } from '../portal/site-identity-repository.js';
import type { SiteIdentity } from '../portal/site-identity.js';
import type { AppDeps, AppEnv } from './env.js';

export const PLATFORM_NAME = '政府信息公开平台';
export const CONSOLE_NAME = '政府信息公开工作台';

export interface SiteInfo {
  /** The 主办单位: the first top-level agency, or null on an empty database. */
  host: Agency | null;
  /** The <meta name="SiteName"> value and the header title. */
  siteName: string;
  /** The host name from PUBLIC_URL, when configured (never guessed from the request). */
  domain: string | null;
  /** 网站标识码, ICP备案号, 公安机关备案号 for the footer and the SiteIDCode tag. */
  identity: SiteIdentity;
}

/** The host name of PUBLIC_URL, or null when it is not set or not a URL. */
export function publicDomain(publicUrl: string | undefined): string | null {
  if (!publicUrl) return null;
  try {
    return new URL(publicUrl).host;
  } catch {
    return null;
  }
}

export async function loadSiteInfo(db: Db, publicUrl: string | undefined): Promise<SiteInfo> {
  const [host, identity] = await Promise.all([
    getTopLevelAgency(db.kysely),
    getSiteIdentity(db.kysely),
  ]);
  return {
    host,
    siteName: host ? host.fullName : PLATFORM_NAME,
    domain: publicDomain(publicUrl),
    identity,
  };
}

/** The site data last read for an app's dependencies, with the change mark it was read under. */
const lastRead = new WeakMap<AppDeps, { mark: string; site: SiteInfo }>();

/**
 * Puts the site's header and footer data on the context (`site`) before a portal page
 * renders, so the layout itself never waits on the database. The same on every page: read
 * again only when the database's change mark has moved (another process may have changed the
 * host agency or the site identity), or on every request where there is no mark.
 */
export const siteInfo = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.get('deps');
  const mark = c.get('dataMark') ?? (await deps.db.dataVersion?.()) ?? null;
  const known = lastRead.get(deps);
  if (mark !== null && known?.mark === mark) {
    c.set('site', known.site);
  } else {
    // Read after the mark: if the database changes meanwhile, the next mark differs.
    const site = await loadSiteInfo(deps.db, deps.config.publicUrl);
    if (mark !== null) lastRead.set(deps, { mark, site });
    c.set('site', site);
  }
  await next();
});
