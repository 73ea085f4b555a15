// An agency as the agency service takes it, for tests that create one: a valid default
// (a 街道 office with a code that passes its check digit and no disclosure office details)
// with only what the test is about given.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AgencyInput } from '../../src/agencies/agency.js';
import type { Database } from '../../src/db/schema.js';

export function agencyInput(
  overrides: Partial<AgencyInput> & Pick<AgencyInput, 'slug'>,
): AgencyInput {
  return {
    parentId: null,
    fullName: '测试街道办事处',
    shortName: '测试街道',
    code: '11100000000013338W',
    level: 'township',
    kind: 'government',
    officeName: null,
    officeAddress: null,
    officeHours: null,
    officePhone: null,
    officeFax: null,
    officeEmail: null,
    officeWebsite: null,
    ...overrides,
  };
}

/** The columns of a bare agency row (a 街道 office, no disclosure office details). */
export function bareAgencyRow(r: {
  id: string;
  slug: string;
  fullName: string;
  shortName: string;
  code: string;
  at: string;
}): Insertable<Database['agencies']> {
  return {
    id: r.id,
    parent_id: null,
    slug: r.slug,
    full_name: r.fullName,
    short_name: r.shortName,
    code: r.code,
    level: 'township',
    kind: 'government',
    office_name: null,
    office_address: null,
    office_hours: null,
    office_phone: null,
    office_fax: null,
    office_email: null,
    office_website: null,
    created_at: r.at,
    updated_at: r.at,
  };
}

/**
 * A bare agency row, for database tests of counts that need only an agency to own the
 * records (no accounts, no site); distinct slug, name and code each time. Returns its id.
 */
export async function insertAgencyRow(db: Kysely<Database>, now: Date): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('agencies')
    .values(
      bareAgencyRow({
        id,
        slug: `t-${id.slice(0, 8)}`,
        fullName: `测试街道办事处${id.slice(0, 4)}`,
        shortName: '测试街道',
        code: id.slice(0, 18),
        at: now.toISOString(),
      }),
    )
    .execute();
  return id;
}
