// A bare agency and account for database tests that need a row to refer to (sessions,
// stored files, check results) but not the demo data or a password.
import type { Db } from '../../src/db/database.js';
import { bareAgencyRow } from './agencies.js';

export async function insertTestAccount(
  db: Db,
  id: string,
  at = '2024-01-01T00:00:00.000Z',
): Promise<{ accountId: string; agencyId: string }> {
  const agencyId = `agency-${id}`;
  await db.kysely
    .insertInto('agencies')
    .values(
      bareAgencyRow({
        id: agencyId,
        slug: agencyId,
        fullName: '测试机关',
        shortName: '测试机关',
        code: '11370211D000000133',
        at,
      }),
    )
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
