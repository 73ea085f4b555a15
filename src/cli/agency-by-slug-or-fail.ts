// The agency a command names with `--agency SLUG`, or the Chinese message that there is none.
import type { Kysely } from 'kysely';
import type { Agency } from '../agencies/agency.js';
import { getAgencyBySlug } from '../agencies/agency-repository.js';
import type { Database } from '../db/schema.js';
import { CliError } from './errors.js';

export async function agencyBySlugOrFail(db: Kysely<Database>, slug: string): Promise<Agency> {
  const agency = await getAgencyBySlug(db, slug.trim());
  if (!agency) throw new CliError(`没有网址标识为 ${slug} 的机关。`);
  return agency;
}
