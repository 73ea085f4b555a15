// Creates or refreshes the demo data (idempotent): agencies are matched by slug and
// accounts by username; each is created, or reset to its demo values, with an audit event —
// all in one command, so a failure leaves the database as it was.
import { randomUUID } from 'node:crypto';
import { getAgencyBySlug, inputToColumns, rowToAgency } from '../agencies/agency-repository.js';
import type { Agency, AgencyInput } from '../agencies/agency.js';
import { replaceRoles } from '../auth/account-repository.js';
import { hashPassword } from '../auth/password.js';
import { systemActor } from '../commands/actor.js';
import { runCommand, type CommandContext, type ServiceDeps } from '../commands/command.js';
import { ok } from '../commands/result.js';
import { seedDemoPublications } from '../publications/demo.js';
import {
  DEMO_ACCOUNTS,
  DEMO_AGENCY,
  DEMO_PARENT,
  DEMO_PASSWORD,
  DEMO_SUBORDINATES,
} from './demo-data.js';
import { seedSupervisionDemo } from '../supervision/demo.js';
import { seedGuideDemo, seedGuideVersionsDemo } from '../guide/demo.js';
import { seedNewMediaDemo } from '../new-media/demo.js';
import { seedDemoRequests } from '../requests/demo.js';
import { seedReviewCasesDemo } from '../review-cases/demo.js';
import { seedWorkRecordsDemo } from '../work-records/demo.js';
import { seedAssistedDemo } from '../assisted-requests/demo.js';
import { seedAnnualReportDemo } from '../annual-reports/demo.js';
import type { FileStore } from '../files/file-store.js';

const ACTOR = systemActor('演示数据');

export interface DemoResult {
  parent: Agency;
  agency: Agency;
  /** Username → account id. */
  accounts: Record<string, string>;
}

async function upsertAgency(ctx: CommandContext, input: AgencyInput): Promise<Agency> {
  const { trx } = ctx;
  const now = ctx.now.toISOString();
  const existing = await getAgencyBySlug(trx, input.slug);
  if (!existing) {
    const row = { id: randomUUID(), ...inputToColumns(input), created_at: now, updated_at: now };
    await trx.insertInto('agencies').values(row).execute();
    const agency = rowToAgency(row);
    ctx.record({
      agencyId: agency.id,
      subjectType: 'agency',
      subjectId: agency.id,
      action: 'demo.agency.create',
      after: agency,
    });
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
  ctx.record({
    agencyId: agency.id,
    subjectType: 'agency',
    subjectId: agency.id,
    action: 'demo.agency.refresh',
    before: existing,
    after: agency,
  });
  return agency;
}

export interface DemoOptions {
  files?: FileStore;
  /**
   * Also the supervisor's demo: the subordinates of src/demo/demo-data.ts and their reports
   * in demo batches (src/supervision/demo.ts). For the demo people see (`gongkai demo`,
   * `serve --demo-if-new`); tests leave it out unless they are about it, as it takes a while.
   */
  supervision?: boolean;
}

export async function seedDemo(deps: ServiceDeps & DemoOptions): Promise<DemoResult> {
  // Hash first, outside the transaction (slow, and in parallel).
  const hashes = await Promise.all(
    DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD, deps.passwordParams)),
  );
  const result = await runCommand(deps, ACTOR, async (ctx) => {
    const { trx } = ctx;
    const parent = await upsertAgency(ctx, DEMO_PARENT);
    const agency = await upsertAgency(ctx, { ...DEMO_AGENCY, parentId: parent.id });
    const subordinates: Agency[] = [];
    for (const input of deps.supervision ? DEMO_SUBORDINATES : [])
      subordinates.push(await upsertAgency(ctx, { ...input, parentId: parent.id }));
    const accounts: Record<string, string> = {};
    for (const [i, demo] of DEMO_ACCOUNTS.entries()) {
      const agencyId = demo.agency === 'parent' ? parent.id : agency.id;
      const now = ctx.now.toISOString();
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
      ctx.record({
        agencyId,
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
      });
    }
    await seedGuideDemo(ctx, agency);
    await seedNewMediaDemo(ctx, agency);
    await seedWorkRecordsDemo(ctx, agency);
    await seedAssistedDemo(ctx, agency, parent);
    await seedDemoPublications(ctx, agency, accounts);
    return ok({ parent, agency, accounts, subordinates });
  });
  // The change returns no field errors: only a thrown error stops it.
  if (!result.ok) throw new Error('演示数据未能写入');
  await seedGuideVersionsDemo(deps, result.value.agency);
  await seedDemoRequests(deps, result.value.agency.id);
  await seedReviewCasesDemo(deps, result.value.agency.id);
  await seedAnnualReportDemo(deps, result.value.agency.id);
  const { subordinates, ...demo } = result.value;
  if (deps.supervision)
    await seedSupervisionDemo(deps, demo.parent, [demo.agency, ...subordinates]);
  return demo;
}
