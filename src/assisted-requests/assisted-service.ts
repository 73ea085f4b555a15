// Use cases of assisted handling (协查): record one, correct it or record its answer. Each is
// one command: the write and its audit event commit together.
import { randomUUID } from 'node:crypto';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Actor } from '../commands/actor.js';
import { runCommand, type CommandContext, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import { isoDateCst } from '../portal/dates.js';
import { auditView, type AssistedInput, type AssistedRequest } from './assisted.js';
import { getAssisted, rowToAssisted } from './assisted-repository.js';

/** The columns of the input, with the platform agency's name; or a field error. */
async function columnsOf(ctx: CommandContext, agencyId: string, input: AssistedInput) {
  let name = input.requestingAgencyName;
  if (input.requestingAgencyId !== null) {
    const other = await getAgencyById(ctx.trx, input.requestingAgencyId);
    if (!other) return { error: { requestingAgencyId: '所选机关不存在，请重新选择' } };
    if (other.id === agencyId)
      return { error: { requestingAgencyId: '协查是协助其他机关办理，请选择其他机关' } };
    name = other.fullName;
  }
  const today = isoDateCst(ctx.now);
  if (input.receivedOn > today) return { error: { receivedOn: '收到协查之日不能晚于今天' } };
  if (input.answeredOn && input.answeredOn > today)
    return { error: { answeredOn: '答复协查之日不能晚于今天' } };
  return {
    columns: {
      requesting_agency_id: input.requestingAgencyId,
      requesting_agency_name: name,
      received_on: input.receivedOn,
      subject: input.subject,
      their_reference: input.theirReference,
      answered_on: input.answeredOn,
      note: input.note,
    },
  };
}

export function recordAssisted(
  deps: ServiceDeps,
  agencyId: string,
  input: AssistedInput,
  actor: Actor,
): Promise<Result<AssistedRequest>> {
  return runCommand(deps, actor, async (ctx) => {
    const c = await columnsOf(ctx, agencyId, input);
    if ('error' in c) return fail(c.error!);
    const now = ctx.now.toISOString();
    const row = {
      id: randomUUID(),
      agency_id: agencyId,
      ...c.columns,
      created_at: now,
      updated_at: now,
    };
    await ctx.trx.insertInto('assisted_requests').values(row).execute();
    const after = rowToAssisted(row);
    ctx.record({
      agencyId,
      subjectType: 'assisted_request',
      subjectId: after.id,
      action: 'assisted_request.record',
      after: auditView(after),
    });
    return ok(after);
  });
}

export function updateAssisted(
  deps: ServiceDeps,
  id: string,
  input: AssistedInput,
  actor: Actor,
): Promise<Result<AssistedRequest>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getAssisted(ctx.trx, id);
    if (!before) return fail({ _form: '该协查记录不存在' });
    const c = await columnsOf(ctx, before.agencyId, input);
    if ('error' in c) return fail(c.error!);
    await ctx.trx
      .updateTable('assisted_requests')
      .set({ ...c.columns, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = (await getAssisted(ctx.trx, id)) as AssistedRequest;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'assisted_request',
      subjectId: id,
      action: 'assisted_request.update',
      before: auditView(before),
      after: auditView(after),
    });
    return ok(after);
  });
}
