// A bare agency and account for database tests that need a row to refer to (sessions,
// stored files, check results) but not the demo data or a password.
import type { Db } from '../../src/db/database.js';

export async function insertTestAccount(
  db: Db,
  id: string,
  at = '2024-01-01T00:00:00.000Z',
): Promise<{ accountId: string; agencyId: string }> {
  const agencyId = `agency-${id}`;
  await db.kysely
    .insertInto('agencies')
    .values({
      id: agencyId,
      parent_id: null,
      slug: agencyId,
      full_name: '测试机关',
      short_name: '测试机关',
      code: '11370211D000000133',
      level: 'township',
      kind: 'government',
      office_name: null,
      office_address: null,
      office_hours: null,
      office_phone: null,
      office_fax: null,
      office_email: null,
      office_website: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.kysely
    .insertInto('accounts')
    .values({
      id,
      agency_id: agencyId,
      username: id,
      display_name: '测试',
      password_hash: 'not-a-hash',
      is_active: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { accountId: id, agencyId };
}
