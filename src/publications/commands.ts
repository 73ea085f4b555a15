// Use cases of proactive disclosure, each one runCommand: the guard (review.ts), the write
// and its audit event commit together or not at all. Routes have already checked the
// permission and the agency (policy.ts); the guard checks the step again against the
// item's state as read inside the transaction, so two clicks at once cannot both pass.
import { randomUUID } from 'node:crypto';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { Permission } from '../auth/policy.js';
import type { Actor } from '../commands/actor.js';
import {
  runCommand,
  type AuditRecord,
  type CommandContext,
  type ServiceDeps,
} from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { StoredFile } from '../files/file-store.js';
import { isoDateCst } from '../portal/dates.js';
import { formatIndexNumber, MAX_SERIAL, urlKeyOf } from './index-number.js';
import {
  CHANNEL_LABELS,
  RECORDED_CHANNELS,
  VALIDITY_LABELS,
  type ChannelsInput,
  type Publication,
  type PublicationInput,
  type ValidityInput,
} from './item.js';
import {
  addAttachment,
  completeRecheck,
  decideOpenRecheckEntries,
  getPublication,
  getPublishedByIndexNumber,
  getRecheck,
  getRecheckEntry,
  getRecheckRhythm,
  hasRecheckSince,
  insertPublication,
  insertRecheck,
  insertReview,
  issueSerials,
  listChannels,
  listPublishedIds,
  listRecheckEntriesOf,
  lockAgencyRechecks,
  removeAttachment,
  setChannel,
  setRecheckRhythm,
  settleOpenRecheckEntries,
  updatePublication,
  type RecheckDecision,
} from './repository.js';
import {
  RECHECK_RHYTHM_LABELS,
  type RecheckRhythm,
  type ScheduledRhythm,
} from './recheck-period.js';
import { bulkKeepCountProblem } from './recheck-outcome.js';
import { decideStep, type PublicationStep } from './review.js';
import { sanitizeBody } from './sanitize.js';
import { indexPublication, unindexPublication } from './search.js';

export const PUBLICATION_SUBJECT = 'publication';
export const RECHECK_SUBJECT = 'publication_recheck';
/** The agency's re-check rhythm, an event's subject by the agency's id. */
export const RECHECK_RHYTHM_SUBJECT = 'publication_recheck_rhythm';

/** Who runs a use case: the audit actor and the permissions policy.ts gave them. */
export interface Staff {
  actor: Actor;
  holds(permission: Permission): boolean;
}

/** What the audit log keeps of an item: everything but the body, which only edits record. */
export function snapshot(p: Publication, withBody = false) {
  const { bodyHtml, ...rest } = p;
  return withBody ? { ...rest, bodyHtml } : rest;
}

function inputColumns(input: PublicationInput) {
  return {
    title: input.title,
    summary: input.summary,
    body_html: sanitizeBody(input.body),
    issuer: input.issuer,
    document_number: input.documentNumber,
    written_on: input.writtenOn,
    formed_on: input.formedOn,
    changed_on: input.changedOn,
    subject: input.subject,
    genre: input.genre,
    keywords: input.keywords.join('、'),
    category: input.category,
  };
}

const NOT_FOUND = '该信息不存在或已被删除';

/**
 * Loads the item in the transaction, checks `step` for `who`, and runs `apply` with the item
 * and the state it leads to. The shared frame of every step below.
 */
async function step<T>(
  ctx: CommandContext,
  who: Staff,
  id: string,
  name: PublicationStep,
  reason: string | null,
  apply: (item: Publication, to: Publication['state']) => Promise<Result<T>>,
): Promise<Result<T>> {
  const item = await getPublication(ctx.trx, id);
  if (!item) return fail({ _form: NOT_FOUND });
  const isAuthor =
    who.actor.id !== null && (item.createdBy === who.actor.id || item.submittedBy === who.actor.id);
  const decision = decideStep(item.state, name, { holds: who.holds, isAuthor }, reason);
  if (!decision.ok) return fail({ _form: decision.error });
  return apply(item, decision.to);
}

async function reload(ctx: CommandContext, id: string): Promise<Publication> {
  return (await getPublication(ctx.trx, id)) as Publication;
}

export function createDraft(
  deps: ServiceDeps,
  who: Staff,
  agency: Agency,
  input: PublicationInput,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, async (ctx) => {
    if (!who.holds('publication.draft')) return fail({ _form: '您的角色不能起草信息' });
    const now = ctx.now.toISOString();
    const id = randomUUID();
    await insertPublication(ctx.trx, {
      id,
      agency_id: agency.id,
      state: 'draft',
      ...inputColumns(input),
      index_number: null,
      url_key: null,
      published_on: null,
      published_at: null,
      published_by: null,
      validity: 'valid',
      validity_on: null,
      replaced_by: null,
      submitted_by: null,
      withdrawal_reason: null,
      withdrawn_on: null,
      created_by: who.actor.id,
      created_at: now,
      updated_at: now,
    });
    const item = await reload(ctx, id);
    ctx.record({
      agencyId: agency.id,
      subjectType: PUBLICATION_SUBJECT,
      subjectId: id,
      action: 'publication.create',
      after: snapshot(item, true),
    });
    return ok(item);
  });
}

export function updateDraft(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  input: PublicationInput,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'edit', null, async (before) => {
      await updatePublication(ctx.trx, id, {
        ...inputColumns(input),
        updated_at: ctx.now.toISOString(),
      });
      const after = await reload(ctx, id);
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: 'publication.update',
        before: snapshot(before, true),
        after: snapshot(after, true),
      });
      return ok(after);
    }),
  );
}

/** A state change with nothing else to write but the fields given. */
function simpleStep(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  name: PublicationStep,
  action: string,
  fields: (ctx: CommandContext) => Record<string, string | null>,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, name, null, async (before, to) => {
      await updatePublication(ctx.trx, id, {
        state: to,
        ...fields(ctx),
        updated_at: ctx.now.toISOString(),
      });
      const after = await reload(ctx, id);
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action,
        before: { state: before.state },
        after: { state: after.state },
      });
      return ok(after);
    }),
  );
}

export function submitForReview(deps: ServiceDeps, who: Staff, id: string) {
  return simpleStep(deps, who, id, 'submit', 'publication.submit', () => ({
    submitted_by: who.actor.id,
  }));
}

/** The reviewer's decision (保密审查): approved, or back to draft with the reasons. */
export function recordReview(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  decision: 'approve' | 'reject',
  opinion: string,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, decision, opinion, async (before, to) => {
      const now = ctx.now.toISOString();
      await updatePublication(ctx.trx, id, { state: to, updated_at: now });
      await insertReview(ctx.trx, {
        id: randomUUID(),
        publication_id: id,
        decision: decision === 'approve' ? 'approved' : 'rejected',
        opinion,
        reviewer_id: who.actor.id,
        reviewer_label: who.actor.label,
        decided_at: now,
      });
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: decision === 'approve' ? 'publication.approve' : 'publication.reject',
        before: { state: before.state },
        after: { state: to, opinion },
      });
      return ok(await reload(ctx, id));
    }),
  );
}

/** The next free index number of the agency in `year` (an imported one may hold a serial). */
export async function nextIndexNumber(ctx: CommandContext, agency: Agency, year: number) {
  return (await nextIndexNumbers(ctx, agency, year, 1))[0] ?? null;
}

/**
 * The next `count` free index numbers of the agency in `year`, in serial order: reserved a
 * block at a time on the counter row, skipping any number already held (an imported one).
 * Fewer than `count` when the year's serials run out.
 */
export async function nextIndexNumbers(
  ctx: CommandContext,
  agency: Agency,
  year: number,
  count: number,
): Promise<string[]> {
  const out: string[] = [];
  while (out.length < count) {
    const wanted = count - out.length;
    const last = await issueSerials(ctx.trx, agency.id, year, wanted);
    const numbers: string[] = [];
    for (let serial = last - wanted + 1; serial <= Math.min(last, MAX_SERIAL); serial++)
      numbers.push(formatIndexNumber(agency.code, year, serial));
    if (numbers.length === 0) return out;
    const taken = await ctx.trx
      .selectFrom('publications')
      .select(['index_number', 'url_key'])
      .where((eb) =>
        eb.or([
          eb('index_number', 'in', numbers),
          eb.and([eb('agency_id', '=', agency.id), eb('url_key', 'in', numbers.map(urlKeyOf))]),
        ]),
      )
      .execute();
    const held = new Set(taken.flatMap((t) => [t.index_number, t.url_key]));
    out.push(...numbers.filter((n) => !held.has(n) && !held.has(urlKeyOf(n))));
    if (last >= MAX_SERIAL) return out;
  }
  return out;
}

/**
 * Publishes an approved item: the date is the system's (Beijing) date — never typed, so it
 * cannot be back-dated — the index number is issued now, and the portal (政府网站) is
 * recorded as its first channel.
 */
export function publish(deps: ServiceDeps, who: Staff, id: string): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'publish', null, async (before, to) => {
      const agency = await getAgencyById(ctx.trx, before.agencyId);
      if (!agency) return fail({ _form: '该信息所属的机关不存在' });
      const today = isoDateCst(ctx.now);
      const indexNumber =
        before.indexNumber ?? (await nextIndexNumber(ctx, agency, Number(today.slice(0, 4))));
      if (!indexNumber)
        return fail({ _form: `本机关今年的索引号已用完（每年最多 ${MAX_SERIAL} 个）` });
      await updatePublication(ctx.trx, id, {
        state: to,
        index_number: indexNumber,
        url_key: urlKeyOf(indexNumber),
        published_on: today,
        published_at: ctx.now.toISOString(),
        published_by: who.actor.id,
        updated_at: ctx.now.toISOString(),
      });
      await setChannel(ctx.trx, id, 'website', today);
      const after = await reload(ctx, id);
      await indexPublication(ctx.trx, after);
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: 'publication.publish',
        before: { state: before.state },
        after: { state: after.state, indexNumber, publishedOn: today },
      });
      return ok(after);
    }),
  );
}

async function applyWithdrawal(
  ctx: CommandContext,
  before: Publication,
  reason: string,
  action: string,
) {
  const today = isoDateCst(ctx.now);
  await updatePublication(ctx.trx, before.id, {
    state: 'withdrawn',
    withdrawal_reason: reason,
    withdrawn_on: today,
    updated_at: ctx.now.toISOString(),
  });
  await unindexPublication(ctx.trx, before.id);
  // A round that lists the item has its finding now: withdrawn.
  const at = ctx.now.toISOString();
  const rounds = await settleOpenRecheckEntries(ctx.trx, before.id, {
    opinion: reason,
    decided_by_label: ctx.actor.label,
    decided_at: at,
  });
  for (const roundId of rounds) await completeIfAllDecided(ctx, roundId);
  ctx.record({
    agencyId: before.agencyId,
    subjectType: PUBLICATION_SUBJECT,
    subjectId: before.id,
    action,
    before: { state: before.state },
    after: { state: 'withdrawn', withdrawalReason: reason, withdrawnOn: today },
  });
}

/** Takes a published item down; its URL then shows the withdrawal notice with `reason`. */
export function withdraw(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  reason: string,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'withdraw', reason, async (before) => {
      await applyWithdrawal(ctx, before, reason, 'publication.withdraw');
      return ok(await reload(ctx, id));
    }),
  );
}

export function changeValidity(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  input: ValidityInput,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'change_validity', null, async (before) => {
      if (input.replacedBy) {
        const replacement = await getPublishedByIndexNumber(
          ctx.trx,
          before.agencyId,
          input.replacedBy,
        );
        if (!replacement)
          return fail({ replacedBy: '本机关没有已发布的这个索引号：请核对替代文件的索引号' });
        if (replacement.id === id) return fail({ replacedBy: '替代文件不能是本文件' });
      }
      if (input.validityOn && before.writtenOn && input.validityOn < before.writtenOn)
        return fail({ validityOn: '日期不能早于成文日期' });
      await updatePublication(ctx.trx, id, {
        validity: input.validity,
        validity_on: input.validityOn,
        replaced_by: input.replacedBy,
        updated_at: ctx.now.toISOString(),
      });
      const after = await reload(ctx, id);
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: 'publication.validity',
        before: {
          validity: VALIDITY_LABELS[before.validity],
          validityOn: before.validityOn,
          replacedBy: before.replacedBy,
        },
        after: {
          validity: VALIDITY_LABELS[after.validity],
          validityOn: after.validityOn,
          replacedBy: after.replacedBy,
        },
      });
      return ok(after);
    }),
  );
}

/** The dates the item went out on the channels other than the portal. */
export function recordChannels(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  input: ChannelsInput,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'record_channels', null, async (before) => {
      for (const channel of RECORDED_CHANNELS) {
        const date = input[channel];
        if (date && before.publishedOn && date < before.formedOn)
          return fail({ [channel]: `${CHANNEL_LABELS[channel]}的发布日期不能早于生成日期` });
      }
      const was = await listChannels(ctx.trx, id);
      for (const channel of RECORDED_CHANNELS)
        await setChannel(ctx.trx, id, channel, input[channel]);
      const now = await listChannels(ctx.trx, id);
      const asRecord = (list: typeof was) =>
        Object.fromEntries(list.map((c) => [CHANNEL_LABELS[c.channel], c.publishedOn]));
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: 'publication.channels',
        before: { channels: asRecord(was) },
        after: { channels: asRecord(now) },
      });
      return ok(await reload(ctx, id));
    }),
  );
}

/** Attaches a file already stored (src/files) to a draft. */
export function attachFile(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  file: StoredFile,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'edit', null, async (before) => {
      await addAttachment(ctx.trx, id, file.id);
      await updatePublication(ctx.trx, id, { updated_at: ctx.now.toISOString() });
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: 'publication.attach',
        after: { attachment: file.filename, size: file.size, contentType: file.contentType },
      });
      return ok(await reload(ctx, id));
    }),
  );
}

export function detachFile(
  deps: ServiceDeps,
  who: Staff,
  id: string,
  fileId: string,
  filename: string,
): Promise<Result<Publication>> {
  return runCommand(deps, who.actor, (ctx) =>
    step(ctx, who, id, 'edit', null, async (before) => {
      if (!(await removeAttachment(ctx.trx, id, fileId)))
        return fail({ _form: '该附件不存在或已被删除' });
      await updatePublication(ctx.trx, id, { updated_at: ctx.now.toISOString() });
      ctx.record({
        agencyId: before.agencyId,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: id,
        action: 'publication.detach',
        before: { attachment: filename },
      });
      return ok(await reload(ctx, id));
    }),
  );
}

/**
 * The round a schedule starts for one period (recheck-job.ts): its id is fixed by the agency
 * and the period, and it is not started when the agency already has a round since the
 * period began, whether started by hand or by an earlier run, nor when the agency's rhythm
 * is no longer the one the period is of (changed since the schedule read it).
 */
export interface PeriodicRound {
  id: string;
  /** The rhythm the period is of: the agency's, as the schedule read it. */
  rhythm: ScheduledRhythm;
  /** When the period began (ISO timestamp). */
  since: string;
}

export const ROUND_OF_PERIOD_EXISTS = '本期已发起过清查';
export const RHYTHM_CHANGED = '本机关的清查周期已变更，按新的周期发起';

/** A re-check round (清查) over everything the agency has published now. */
export function createRecheck(
  deps: ServiceDeps,
  who: Staff,
  agencyId: string,
  title: string,
  periodic?: PeriodicRound,
): Promise<Result<{ id: string; total: number }>> {
  return runCommand(deps, who.actor, async (ctx) => {
    if (!who.holds('publication.review')) return fail({ _form: '只有保密审查员可以发起清查' });
    if (periodic) {
      // Under the lock, so that neither another run nor a change of rhythm (an update of
      // the same row) can come between the check and the round.
      await lockAgencyRechecks(ctx.trx, agencyId);
      if ((await getRecheckRhythm(ctx.trx, agencyId)) !== periodic.rhythm)
        return fail({ _form: RHYTHM_CHANGED });
      if (await hasRecheckSince(ctx.trx, agencyId, periodic.since))
        return fail({ _form: ROUND_OF_PERIOD_EXISTS });
    }
    const ids = await listPublishedIds(ctx.trx, agencyId);
    if (ids.length === 0) return fail({ _form: '本机关还没有已发布的信息，无需清查' });
    const id = periodic?.id ?? randomUUID();
    await insertRecheck(
      ctx.trx,
      {
        id,
        agency_id: agencyId,
        title,
        created_by_label: who.actor.label,
        created_at: ctx.now.toISOString(),
        completed_at: null,
      },
      ids,
    );
    ctx.record({
      agencyId,
      subjectType: RECHECK_SUBJECT,
      subjectId: id,
      action: 'publication.recheck.create',
      after: { title, total: ids.length },
    });
    return ok({ id, total: ids.length });
  });
}

/**
 * The agency's choice of how often its rounds are started on schedule. Held by those who
 * start rounds (保密审查员). Choosing the rhythm it already has changes nothing and records
 * nothing.
 */
export function changeRecheckRhythm(
  deps: ServiceDeps,
  who: Staff,
  agencyId: string,
  rhythm: RecheckRhythm,
): Promise<Result<{ rhythm: RecheckRhythm; changed: boolean }>> {
  return runCommand<{ rhythm: RecheckRhythm; changed: boolean }>(deps, who.actor, async (ctx) => {
    if (!who.holds('publication.review')) return fail({ _form: '只有保密审查员可以设置清查周期' });
    await lockAgencyRechecks(ctx.trx, agencyId);
    const before = await getRecheckRhythm(ctx.trx, agencyId);
    if (!before) return fail({ _form: '当前机关不存在' });
    if (before === rhythm) return ok({ rhythm, changed: false });
    await setRecheckRhythm(ctx.trx, agencyId, rhythm);
    ctx.record({
      agencyId,
      subjectType: RECHECK_RHYTHM_SUBJECT,
      subjectId: agencyId,
      action: 'publication.recheck.rhythm',
      before: { rhythm: RECHECK_RHYTHM_LABELS[before] },
      after: { rhythm: RECHECK_RHYTHM_LABELS[rhythm] },
    });
    return ok({ rhythm, changed: true });
  });
}

/** The reviewer's finding on one item of a round: kept, or withdrawn (with the notice). */
export function decideRecheck(
  deps: ServiceDeps,
  who: Staff,
  recheckId: string,
  publicationId: string,
  decision: RecheckDecision,
  opinion: string,
): Promise<Result<{ completed: boolean }>> {
  return runCommand(deps, who.actor, async (ctx) => {
    const round = await getRecheck(ctx.trx, recheckId);
    if (!round) return fail({ _form: '该清查不存在' });
    const entry = await getRecheckEntry(ctx.trx, recheckId, publicationId);
    if (!entry) return fail({ _form: '该信息不在本次清查范围内' });
    if (entry.decision) return fail({ _form: '该信息在本次清查中已有结论' });
    const name = decision === 'kept' ? 'recheck_keep' : 'recheck_withdraw';
    const result = await step(ctx, who, publicationId, name, opinion, async (before) => {
      // This round's finding first, guarded: another reviewer's finding since the read above
      // (two at once on PostgreSQL) refuses this one and rolls it back, withdrawal and all.
      // The withdrawal then settles the item's open entries in other rounds.
      const written = await decideOpenRecheckEntries(ctx.trx, recheckId, [publicationId], {
        decision,
        opinion,
        decided_by_label: who.actor.label,
        decided_at: ctx.now.toISOString(),
      });
      if (written.length !== 1) return fail({ _form: '该信息在本次清查中已有结论' });
      if (decision === 'withdrawn')
        await applyWithdrawal(ctx, before, opinion, 'publication.recheck.withdraw');
      ctx.record(findingEvent(recheckId, before, decision, opinion));
      return ok({ completed: await completeIfAllDecided(ctx, recheckId) });
    });
    return result;
  });
}

/** The audit event of one finding in a round: the same for a single and a bulk keep. */
function findingEvent(
  recheckId: string,
  item: Publication,
  decision: RecheckDecision,
  opinion: string,
): AuditRecord {
  return {
    agencyId: item.agencyId,
    subjectType: RECHECK_SUBJECT,
    subjectId: recheckId,
    action: decision === 'kept' ? 'publication.recheck.keep' : 'publication.recheck.mark',
    after: { title: item.title, indexNumber: item.indexNumber, opinion },
  };
}

/** Completes the round when its last entry has its finding; whether it is now complete. */
async function completeIfAllDecided(ctx: CommandContext, recheckId: string): Promise<boolean> {
  const round = await getRecheck(ctx.trx, recheckId);
  if (!round || round.decided !== round.total) return false;
  if (!round.completedAt) await completeRecheck(ctx.trx, recheckId, ctx.now.toISOString());
  return true;
}

/** Names items in a message: the first few titles and how many more. */
function someTitles(titles: readonly string[]): string {
  const shown = titles.slice(0, 3).map((t) => `“${t}”`);
  return titles.length > 3 ? `${shown.join('、')}等 ${titles.length} 条` : shown.join('、');
}

/**
 * The reviewer's 「继续公开」 on several items of a round at once, with one opinion: all of
 * them or none. Any chosen item that is not in the round, has its finding already or is no
 * longer published refuses the whole submission, naming which; otherwise each is kept with
 * its own audit event, as the single keep records it, and the round completes when nothing
 * is left to decide.
 */
export function keepRecheckEntries(
  deps: ServiceDeps,
  who: Staff,
  recheckId: string,
  publicationIds: readonly string[],
  opinion: string,
): Promise<Result<{ kept: number; completed: boolean }>> {
  return runCommand(deps, who.actor, async (ctx) => {
    const ids = [...new Set(publicationIds)];
    const countProblem = bulkKeepCountProblem(ids.length);
    if (countProblem) return fail({ items: countProblem });
    const round = await getRecheck(ctx.trx, recheckId);
    if (!round) return fail({ _form: '该清查不存在' });
    const entries = await listRecheckEntriesOf(ctx.trx, recheckId, ids);
    const problems: string[] = [];
    const outside = ids.length - entries.length;
    if (outside > 0) problems.push(`${outside} 条不在本次清查范围内`);
    const decided = entries.filter((e) => e.decision !== null);
    if (decided.length > 0)
      problems.push(`${someTitles(decided.map((e) => e.publication.title))}在本次清查中已有结论`);
    const notPublished = entries.filter(
      (e) => e.decision === null && e.publication.state !== 'published',
    );
    if (notPublished.length > 0)
      problems.push(`${someTitles(notPublished.map((e) => e.publication.title))}已不在公开状态`);
    for (const e of entries) {
      if (e.decision !== null || e.publication.state !== 'published') continue;
      // The one guard of every step: the permission and the opinion, as for a single keep.
      const step = decideStep(
        e.publication.state,
        'recheck_keep',
        { ...who, isAuthor: false },
        opinion,
      );
      if (!step.ok) return fail({ _form: step.error });
    }
    if (problems.length > 0)
      return fail({ items: `未保存任何结论：${problems.join('；')}。请刷新页面后重新勾选` });
    const written = await decideOpenRecheckEntries(ctx.trx, recheckId, ids, {
      decision: 'kept',
      opinion,
      decided_by_label: who.actor.label,
      decided_at: ctx.now.toISOString(),
    });
    // A finding written by someone else since the read above: refused whole (rolled back).
    if (written.length !== ids.length)
      return fail({ items: '未保存任何结论：所选信息中有的刚被他人核查，请刷新页面后重新勾选' });
    for (const e of entries) ctx.record(findingEvent(recheckId, e.publication, 'kept', opinion));
    return ok({ kept: ids.length, completed: await completeIfAllDecided(ctx, recheckId) });
  });
}
