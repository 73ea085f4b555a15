// Use cases for review cases: register, edit, record (or take back) the decision, attach
// and remove documents. Each is one command: the write and its audit event commit together.
// Edits carry the version the form was opened on, so a change made meanwhile by someone
// else is not silently overwritten.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../commands/actor.js';
import { runCommand, type CommandContext, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { FileLimits } from '../files/upload-check.js';
import type { FileStore } from '../files/file-store.js';
import { isoDateCst } from '../portal/dates.js';
import type { UniqueKey } from '../db/unique-violation.js';
import { findRequest, getCase, lawsuitsAfter, listDocuments } from './repository.js';
import {
  caseProblem,
  decisionProblem,
  KIND_LABELS,
  RESULT_LABELS,
  type CaseInput,
  type DecisionInput,
  type ReviewCase,
} from './review-case.js';

export const SUBJECT = 'review_case';
const STALE = '该案件已被他人修改，请重新打开后再提交';
const MISSING = '该案件不存在';

/** What a document may be: PDF, Word or a scan, at most 20 MB (checked by content). */
export const DOCUMENT_LIMITS: FileLimits = {
  maxBytes: 20 * 1024 * 1024,
  accept: ['pdf', 'docx', 'png', 'jpeg'],
};

const UNIQUE = {
  keys: [
    {
      table: 'review_cases',
      column: 'case_number',
      constraint: 'review_cases_agency_number_key',
      field: 'caseNumber',
    },
  ] as UniqueKey<'caseNumber'>[],
  taken: { caseNumber: '本机关已登记过该复议机关或法院的这一案号' },
};

/** The audit view of a case: no more of the request than its tracking number. */
export function auditedCase(c: ReviewCase) {
  return {
    kind: KIND_LABELS[c.kind],
    trackingNumber: c.trackingNumber,
    reconsiderationNumber: c.reconsiderationNumber,
    body: c.body,
    caseNumber: c.caseNumber,
    receivedOn: c.receivedOn,
    result: RESULT_LABELS[c.result],
    decidedOn: c.decidedOn,
    decisionNote: c.decisionNote,
    notes: c.notes,
  };
}

async function requestLink(
  ctx: CommandContext,
  agencyId: string,
  input: CaseInput,
): Promise<Result<string | null>> {
  if (input.trackingNumber === null) return ok(null);
  const request = await findRequest(ctx.trx, agencyId, input.trackingNumber);
  if (!request)
    return fail({ trackingNumber: `本机关没有查询号为 ${input.trackingNumber} 的申请，请核对` });
  if (input.receivedOn < request.submittedOn)
    return fail({
      receivedOn: `收到或立案日期不能早于所关联申请的提交日期（${request.submittedOn}）`,
    });
  return ok(request.id);
}

/**
 * The reconsideration a lawsuit after reconsideration follows: one of the same agency's
 * reconsiderations, received no later than the lawsuit. Other kinds follow none.
 */
async function reconsiderationLink(
  ctx: CommandContext,
  agencyId: string,
  input: CaseInput,
  self: string | null,
): Promise<Result<string | null>> {
  if (input.kind !== 'litigation_after_reconsideration' || input.reconsiderationId === null)
    return ok(null);
  const found = await getCase(ctx.trx, input.reconsiderationId);
  if (
    !found ||
    found.agencyId !== agencyId ||
    found.kind !== 'reconsideration' ||
    found.id === self
  )
    return fail({ reconsiderationId: '请从本机关登记的行政复议案件中选择' });
  if (input.receivedOn < found.receivedOn)
    return fail({
      receivedOn: `收到或立案日期不能早于所诉行政复议案件的收到日期（${found.receivedOn}）`,
    });
  return ok(found.id);
}

function columnsOf(input: CaseInput, requestId: string | null, reconsiderationId: string | null) {
  return {
    kind: input.kind,
    request_id: requestId,
    reconsideration_id: reconsiderationId,
    body: input.body,
    case_number: input.caseNumber,
    received_on: input.receivedOn,
    notes: input.notes,
  };
}

export function createCase(
  deps: ServiceDeps,
  agencyId: string,
  input: CaseInput,
  actor: Actor,
): Promise<Result<ReviewCase>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const problem = caseProblem(input, null, isoDateCst(ctx.now));
      if (problem) return fail({ [problem.field]: problem.message });
      const link = await requestLink(ctx, agencyId, input);
      if (!link.ok) return link;
      const follows = await reconsiderationLink(ctx, agencyId, input, null);
      if (!follows.ok) return follows;
      const now = ctx.now.toISOString();
      const id = randomUUID();
      await ctx.trx
        .insertInto('review_cases')
        .values({
          id,
          agency_id: agencyId,
          ...columnsOf(input, link.value, follows.value),
          result: 'pending',
          decided_on: null,
          decision_note: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const after = (await getCase(ctx.trx, id)) as ReviewCase;
      ctx.record({
        agencyId,
        subjectType: SUBJECT,
        subjectId: id,
        action: 'review_case.create',
        after: auditedCase(after),
      });
      return ok(after);
    },
    { unique: UNIQUE },
  );
}

/** Loads the case for a change, refusing a stale form. */
async function current(
  ctx: CommandContext,
  id: string,
  version: string | undefined,
): Promise<Result<ReviewCase>> {
  const before = await getCase(ctx.trx, id);
  if (!before) return fail({ _form: MISSING });
  if (version !== undefined && version !== String(before.version)) return fail({ _form: STALE });
  return ok(before);
}

/** Writes `set` only if the case is still at `version` (a concurrent edit finds nothing). */
async function writeAt(
  ctx: CommandContext,
  before: ReviewCase,
  set: Record<string, unknown>,
): Promise<boolean> {
  const changed = await ctx.trx
    .updateTable('review_cases')
    .set({ ...set, updated_at: ctx.now.toISOString(), version: before.version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

export function updateCase(
  deps: ServiceDeps,
  id: string,
  input: CaseInput,
  actor: Actor,
): Promise<Result<ReviewCase>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const loaded = await current(ctx, id, input.version);
      if (!loaded.ok) return loaded;
      const before = loaded.value;
      const problem = caseProblem(input, before.decidedOn, isoDateCst(ctx.now));
      if (problem) return fail({ [problem.field]: problem.message });
      if (before.decidedOn !== null && input.kind !== before.kind)
        return fail({ kind: '已结案的案件不能改变类型：请先把审理结果改回“尚未审结”' });
      const link = await requestLink(ctx, before.agencyId, input);
      if (!link.ok) return link;
      const follows = await reconsiderationLink(ctx, before.agencyId, input, id);
      if (!follows.ok) return follows;
      if (before.kind === 'reconsideration' && input.kind !== 'reconsideration') {
        const after = await lawsuitsAfter(ctx.trx, id);
        if (after.length > 0)
          return fail({
            kind: `已有${after.length}件复议后起诉的行政诉讼关联到本复议案件，不能改变类型；请先在那些案件中取消关联`,
          });
      }
      if (!(await writeAt(ctx, before, columnsOf(input, link.value, follows.value))))
        return fail({ _form: STALE });
      const after = (await getCase(ctx.trx, id)) as ReviewCase;
      ctx.record({
        agencyId: before.agencyId,
        subjectType: SUBJECT,
        subjectId: id,
        action: 'review_case.update',
        before: auditedCase(before),
        after: auditedCase(after),
      });
      return ok(after);
    },
    { unique: UNIQUE },
  );
}

/** Records the result and its date; 尚未审结 takes a decision recorded by mistake back. */
export function recordDecision(
  deps: ServiceDeps,
  id: string,
  input: DecisionInput,
  actor: Actor,
): Promise<Result<ReviewCase>> {
  return runCommand(deps, actor, async (ctx) => {
    const loaded = await current(ctx, id, input.version);
    if (!loaded.ok) return loaded;
    const before = loaded.value;
    const problem = decisionProblem(before, input, isoDateCst(ctx.now));
    if (problem) return fail({ [problem.field]: problem.message });
    const pending = input.result === 'pending';
    const set = {
      result: input.result,
      decided_on: pending ? null : input.decidedOn,
      decision_note: pending ? null : input.decisionNote,
    };
    if (!(await writeAt(ctx, before, set))) return fail({ _form: STALE });
    const after = (await getCase(ctx.trx, id)) as ReviewCase;
    ctx.record({
      agencyId: before.agencyId,
      subjectType: SUBJECT,
      subjectId: id,
      action: pending ? 'review_case.reopen' : 'review_case.decide',
      before: auditedCase(before),
      after: auditedCase(after),
    });
    return ok(after);
  });
}

/**
 * Stores the documents (each checked by its content first) and links them to the case,
 * in one transaction: all of them or none.
 */
export function attachDocuments(
  deps: ServiceDeps,
  store: FileStore,
  id: string,
  files: readonly { bytes: Uint8Array; name: string }[],
  createdBy: string | null,
  actor: Actor,
): Promise<Result<ReviewCase>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getCase(ctx.trx, id);
    if (!before) return fail({ _form: MISSING });
    const within = store.within(ctx.trx);
    for (const f of files) {
      const stored = await within.put(f.bytes, {
        filename: f.name,
        createdBy,
        limits: DOCUMENT_LIMITS,
      });
      await ctx.trx
        .insertInto('review_case_documents')
        .values({ case_id: id, file_id: stored.id, created_at: ctx.now.toISOString() })
        .execute();
      ctx.record({
        agencyId: before.agencyId,
        subjectType: SUBJECT,
        subjectId: id,
        action: 'review_case.attach',
        after: { document: stored.filename, size: stored.size, contentType: stored.contentType },
      });
    }
    return ok(before);
  });
}

/** Unlinks a document; the caller deletes the file itself once this has committed. */
export function detachDocument(
  deps: ServiceDeps,
  id: string,
  fileId: string,
  actor: Actor,
): Promise<Result<ReviewCase>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getCase(ctx.trx, id);
    if (!before) return fail({ _form: MISSING });
    const doc = (await listDocuments(ctx.trx, id)).find((d) => d.fileId === fileId);
    if (!doc) return fail({ _form: '该文书不存在或已被删除' });
    await ctx.trx
      .deleteFrom('review_case_documents')
      .where('case_id', '=', id)
      .where('file_id', '=', fileId)
      .execute();
    ctx.record({
      agencyId: before.agencyId,
      subjectType: SUBJECT,
      subjectId: id,
      action: 'review_case.detach',
      before: { document: doc.filename },
    });
    return ok(before);
  });
}
