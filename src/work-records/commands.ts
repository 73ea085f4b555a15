// Use cases for the other records: add, edit, delete (a record typed by mistake). Each is
// one command: the write and its audit event commit together.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import { getRecord, inputToColumns } from './repository.js';
import {
  KIND_DEFINITIONS,
  ROLE_LABELS,
  type RecordInput,
  type WorkRecord,
  type WorkRecordKind,
} from './work-record.js';

export const SUBJECT = 'work_record';
const MISSING = '该记录不存在';

/** The audit view of a record: what the officer typed, with its kind by name. */
export function auditedRecord(r: WorkRecord) {
  return {
    kind: KIND_DEFINITIONS[r.kind].label,
    occurredOn: r.occurredOn,
    title: r.title,
    detail: r.detail,
    reference: r.reference,
    role: r.role ? ROLE_LABELS[r.role] : null,
    closed: r.closed === null ? null : r.closed ? '已办结' : '未办结',
    participants: r.participants,
  };
}

export function createRecord(
  deps: ServiceDeps,
  agencyId: string,
  kind: WorkRecordKind,
  input: RecordInput,
  actor: Actor,
): Promise<Result<WorkRecord>> {
  return runCommand(deps, actor, async (ctx) => {
    const now = ctx.now.toISOString();
    const id = randomUUID();
    await ctx.trx
      .insertInto('work_records')
      .values({
        id,
        agency_id: agencyId,
        kind,
        ...inputToColumns(input),
        created_at: now,
        updated_at: now,
      })
      .execute();
    const after = (await getRecord(ctx.trx, id)) as WorkRecord;
    ctx.record({
      agencyId,
      subjectType: SUBJECT,
      subjectId: id,
      action: 'work_record.create',
      after: auditedRecord(after),
    });
    return ok(after);
  });
}

export function updateRecord(
  deps: ServiceDeps,
  id: string,
  input: RecordInput,
  actor: Actor,
): Promise<Result<WorkRecord>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getRecord(ctx.trx, id);
    if (!before) return fail({ _form: MISSING });
    await ctx.trx
      .updateTable('work_records')
      .set({ ...inputToColumns(input), updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = (await getRecord(ctx.trx, id)) as WorkRecord;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: SUBJECT,
      subjectId: id,
      action: 'work_record.update',
      before: auditedRecord(before),
      after: auditedRecord(after),
    });
    return ok(after);
  });
}

export function deleteRecord(
  deps: ServiceDeps,
  id: string,
  actor: Actor,
): Promise<Result<WorkRecord>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getRecord(ctx.trx, id);
    if (!before) return fail({ _form: MISSING });
    await ctx.trx.deleteFrom('work_records').where('id', '=', id).execute();
    ctx.record({
      agencyId: before.agencyId,
      subjectType: SUBJECT,
      subjectId: id,
      action: 'work_record.delete',
      before: auditedRecord(before),
    });
    return ok(before);
  });
}
