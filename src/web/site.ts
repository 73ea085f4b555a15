// The site as a whole: who runs it (主办单位) and what it is called. One Gongkai hosts the
// columns of many agencies; the top of the agency hierarchy is the host of the site.
import { listAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Db } from '../db/database.js';

export const PLATFORM_NAME = '政府信息公开平台';
export const CONSOLE_NAME = '政府信息公开工作台';

export interface SiteInfo {
  /** The 主办单位: the first top-level agency, or null on an empty database. */
  host: Agency | null;
  /** The <meta name="SiteName"> value and the header title. */
  siteName: string;
  /** The host name from PUBLIC_URL, when configured (never guessed from the request). */
  domain: string | null;
}

export async function loadSiteInfo(db: Db, publicUrl: string | undefined): Promise<SiteInfo> {
  const agencies = await listAgencies(db.kysely);
  const host = agencies.find((a) => a.parentId === null) ?? null;
  let domain: string | null = null;
  if (publicUrl) {
    try {
      domain = new URL(publicUrl).host;
    } catch {
      domain = null;
    }
  }
  return { host, siteName: host ? host.fullName : PLATFORM_NAME, domain };
}
