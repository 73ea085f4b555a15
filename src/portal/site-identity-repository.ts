// The site identity in `site_settings` (one row per key; an empty value is no row).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SiteIdentity } from './site-identity.js';

type Q = Kysely<Database>;

const KEYS = {
  siteIdCode: 'site.id_code',
  icpNumber: 'site.icp_number',
  psbNumber: 'site.psb_number',
} as const satisfies Record<keyof SiteIdentity, string>;

export async function getSiteIdentity(db: Q): Promise<SiteIdentity> {
  const rows = await db
    .selectFrom('site_settings')
    .select(['key', 'value'])
    .where('key', 'in', Object.values(KEYS))
    .execute();
  const value = (k: string) => rows.find((r) => r.key === k)?.value ?? null;
  return {
    siteIdCode: value(KEYS.siteIdCode),
    icpNumber: value(KEYS.icpNumber),
    psbNumber: value(KEYS.psbNumber),
  };
}

export async function saveSiteIdentity(db: Q, identity: SiteIdentity, now: string): Promise<void> {
  for (const [field, key] of Object.entries(KEYS) as [keyof SiteIdentity, string][]) {
    const value = identity[field];
    if (value === null) {
      await db.deleteFrom('site_settings').where('key', '=', key).execute();
    } else {
      await db
        .insertInto('site_settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
  }
}
