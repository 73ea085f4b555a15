// Use cases for the new-media registry: register an account, close one with its date and
// reason. Each is one command: the write and its audit event commit together.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import { isoDateCst } from '../portal/dates.js';
import {
  closeProblem,
  type AccountInput,
  type CloseInput,
  type NewMediaAccount,
} from './new-media.js';
import { getAccount, inputToColumns, rowToAccount } from './new-media-repository.js';

export function registerAccount(
  deps: ServiceDeps,
  agencyId: string,
  input: AccountInput,
  actor: Actor,
): Promise<Result<NewMediaAccount>> {
  return runCommand(deps, actor, async (ctx) => {
    if (input.openedOn > isoDateCst(ctx.now)) return fail({ openedOn: '开通日期不能晚于今天' });
    const now = ctx.now.toISOString();
    const row = {
      id: randomUUID(),
      agency_id: agencyId,
      ...inputToColumns(input),
      status: 'active',
      closed_on: null,
      close_reason: null,
      created_at: now,
      updated_at: now,
    };
    await ctx.trx.insertInto('new_media_accounts').values(row).execute();
    const account = rowToAccount(row);
    ctx.record({
      agencyId,
      subjectType: 'new_media_account',
      subjectId: account.id,
      action: 'new_media.register',
      after: account,
    });
    return ok(account);
  });
}

export function closeAccount(
  deps: ServiceDeps,
  id: string,
  input: CloseInput,
  actor: Actor,
): Promise<Result<NewMediaAccount>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getAccount(ctx.trx, id);
    if (!before) return fail({ _form: '该账号不存在' });
    const problem = closeProblem(before, input, isoDateCst(ctx.now));
    if (problem) return fail({ [problem.field]: problem.message });
    const changed = await ctx.trx
      .updateTable('new_media_accounts')
      .set({
        status: 'closed',
        closed_on: input.closedOn,
        close_reason: input.reason,
        updated_at: ctx.now.toISOString(),
      })
      // Only an operating account is closed: a concurrent close finds nothing to change.
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return fail({ _form: '该账号已关停' });
    const after = (await getAccount(ctx.trx, id)) as NewMediaAccount;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'new_media_account',
      subjectId: id,
      action: 'new_media.close',
      before,
      after,
    });
    return ok(after);
  });
}
