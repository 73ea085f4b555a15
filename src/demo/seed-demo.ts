// Creates or refreshes the demo data (idempotent): agencies are matched by slug and
// accounts by username; each is created, or reset to its demo values, with an audit event.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getAgencyBySlug, inputToColumns, rowToAgency } from '../agencies/agency-repository.js';
import type { Agency, AgencyInput } from '../agencies/agency.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import { replaceRoles } from '../auth/account-repository.js';
import { hashPassword, type ScryptParams } from '../auth/password.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import { DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_PARENT, DEMO_PASSWORD } from './demo-data.js';

const ACTOR = { id: null, label: '演示数据' };

export interface DemoResult {
  parent: Agency;
  agency: Agency;
  /** Username → account id. */
  accounts: Record<string, string>;
}

async function upsertAgency(
  trx: Kysely<Database>,
  input: AgencyInput,
  clock: Clock,
): Promise<Agency> {
  const now = clock.now().toISOString();
  const existing = await getAgencyBySlug(trx, input.slug);
  if (!existing) {
    const row = { id: randomUUID(), ...inputToColumns(input), created_at: now, updated_at: now };
    await trx.insertInto('agencies').values(row).execute();
    const agency = rowToAgency(row);
    await appendAuditEvent(
      trx,
      {
        agencyId: agency.id,
        actor: ACTOR,
        subjectType: 'agency',
        subjectId: agency.id,
        action: 'demo.agency.create',
        after: agency,
      },
      clock,
    );
    return agency;
  }
  await trx
    .updateTable('agencies')
    .set({ ...inputToColumns(input), updated_at: now })
    .where('id', '=', existing.id)
    .execute();
  const agency = rowToAgency(
    await trx
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow(),
  );
  await appendAuditEvent(
    trx,
    {
      agencyId: agency.id,
      actor: ACTOR,
      subjectType: 'agency',
      subjectId: agency.id,
      action: 'demo.agency.refresh',
      before: existing,
      after: agency,
    },
    clock,
  );
  return agency;
}

export async function seedDemo(
  deps: { db: Db; clock: Clock },
  options: { passwordParams?: ScryptParams } = {},
): Promise<DemoResult> {
  // Hash first, outside the transaction (slow, and in parallel).
  const hashes = await Promise.all(
    DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD, options.passwordParams)),
  );
  const { clock } = deps;
  return deps.db.kysely.transaction().execute(async (trx) => {
    const parent = await upsertAgency(trx, DEMO_PARENT, clock);
    const agency = await upsertAgency(trx, { ...DEMO_AGENCY, parentId: parent.id }, clock);
    const accounts: Record<string, string> = {};
    for (const [i, demo] of DEMO_ACCOUNTS.entries()) {
      const agencyId = demo.agency === 'parent' ? parent.id : agency.id;
      const now = clock.now().toISOString();
      const values = {
        agency_id: agencyId,
        display_name: demo.displayName,
        password_hash: hashes[i] ?? '',
        is_active: 1,
        updated_at: now,
      };
      const existing = await trx
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', demo.username)
        .executeTakeFirst();
      const id = existing?.id ?? randomUUID();
      if (existing) {
        await trx.updateTable('accounts').set(values).where('id', '=', id).execute();
        await trx.deleteFrom('sessions').where('account_id', '=', id).execute();
      } else {
        await trx
          .insertInto('accounts')
          .values({ id, username: demo.username, created_at: now, ...values })
          .execute();
      }
      await replaceRoles(trx, id, demo.roles);
      accounts[demo.username] = id;
      await appendAuditEvent(
        trx,
        {
          agencyId,
          actor: ACTOR,
          subjectType: 'account',
          subjectId: id,
          action: existing ? 'demo.account.refresh' : 'demo.account.create',
          after: {
            username: demo.username,
            displayName: demo.displayName,
            roles: demo.roles,
            agencyId,
            isActive: true,
          },
        },
        clock,
      );
    }
    return { parent, agency, accounts };
  });
}
