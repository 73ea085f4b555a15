// Use cases for agencies. Each runs as one command: the check, the write and its audit event
// commit together, and a slug that a concurrent request took first becomes a form error.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../commands/actor.js';
import {
  runCommand,
  type CommandContext,
  type ServiceDeps,
  type UniqueFields,
} from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { Agency, AgencyInput } from './agency.js';
import {
  AGENCY_UNIQUE_KEYS,
  getAgencyById,
  inputToColumns,
  rowToAgency,
  subtreeIds,
} from './agency-repository.js';

/** The unique constraint decides whether a slug is free (no check-then-insert). */
export const AGENCY_UNIQUE: UniqueFields<(typeof AGENCY_UNIQUE_KEYS)[number]['field']> = {
  keys: AGENCY_UNIQUE_KEYS,
  taken: { slug: '该网址标识已被其他机关使用，请换一个' },
};

/** The change of createAgency, for commands that create an agency among other things. */
export async function insertAgency(
  ctx: CommandContext,
  input: AgencyInput,
): Promise<Result<Agency>> {
  if (input.parentId && !(await getAgencyById(ctx.trx, input.parentId))) {
    return fail({ parentId: '所选上级机关不存在' });
  }
  const now = ctx.now.toISOString();
  const row = { id: randomUUID(), ...inputToColumns(input), created_at: now, updated_at: now };
  await ctx.trx.insertInto('agencies').values(row).execute();
  const agency = rowToAgency(row);
  ctx.record({
    agencyId: agency.id,
    subjectType: 'agency',
    subjectId: agency.id,
    action: 'agency.create',
    after: agency,
  });
  return ok(agency);
}

export function createAgency(
  deps: ServiceDeps,
  input: AgencyInput,
  actor: Actor,
): Promise<Result<Agency>> {
  return runCommand(deps, actor, (ctx) => insertAgency(ctx, input), { unique: AGENCY_UNIQUE });
}

export function updateAgency(
  deps: ServiceDeps,
  id: string,
  input: AgencyInput,
  actor: Actor,
): Promise<Result<Agency>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const before = await getAgencyById(ctx.trx, id);
      if (!before) return fail({ _form: '该机关不存在' });
      if (input.parentId) {
        if ((await subtreeIds(ctx.trx, id)).has(input.parentId)) {
          return fail({ parentId: '上级机关不能是本机关或其下级机关' });
        }
        if (!(await getAgencyById(ctx.trx, input.parentId)))
          return fail({ parentId: '所选上级机关不存在' });
      }
      await ctx.trx
        .updateTable('agencies')
        .set({ ...inputToColumns(input), updated_at: ctx.now.toISOString() })
        .where('id', '=', id)
        .execute();
      const agency = (await getAgencyById(ctx.trx, id)) as Agency;
      ctx.record({
        agencyId: id,
        subjectType: 'agency',
        subjectId: id,
        action: 'agency.update',
        before,
        after: agency,
      });
      return ok(agency);
    },
    { unique: AGENCY_UNIQUE },
  );
}
