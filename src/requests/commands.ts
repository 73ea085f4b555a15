// Use cases of intake: an application submitted online, one registered by staff (letter,
// in person, fax, e-mail), the confirmation that fixes the date of receipt (第31条), and
// the audited opening of an applicant's personal data. Each is one runCommand call: the
// change and its audit events commit together. Audit events never carry personal data.
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../audit/canonical.js';
import { listCalendarDays, listLoadedYears } from '../calendar/calendar-repository.js';
import { checkIsoDate } from '../calendar/dates.js';
import { createCalendar, type WorkingCalendar } from '../calendar/working-days.js';
import type { Actor } from '../commands/actor.js';
import { runCommand, type CommandContext, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import { isoDateCst } from '../portal/dates.js';
import type { Application } from './application.js';
import { clockOfCase, storedDueOf } from './case-clock.js';
import type { ReceiptChannel } from './case.js';
import {
  appendEvent,
  findIdempotency,
  getCase,
  insertCase,
  insertIdempotency,
  linkFile,
  listEvents,
  updateCase,
} from './repository.js';
import type { RequestCase } from './request.js';
import { issueReceipt } from './steps/receipt.js';
import type { FileStore } from '../files/file-store.js';
import {
  hashAccessCode,
  hashIdempotencyKey,
  newAccessCode,
  newTrackingNumber,
  sealAccessCode,
  unsealAccessCode,
} from './tracking.js';

/** The calendar as this transaction sees it. */
export async function calendarIn(ctx: CommandContext): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([listCalendarDays(ctx.trx), listLoadedYears(ctx.trx)]);
  return createCalendar({ days, loadedYears: years.map((y) => y.year) });
}

export interface SubmitInput {
  agencyId: string;
  application: Application;
  channel: ReceiptChannel;
  /** The day the application arrived (online: the day it was sent). */
  submittedOn: string;
  /** The date of receipt when it is already fixed; null leaves the case `submitted`. */
  receivedOn: string | null;
  /** The form's submission token or the API's Idempotency-Key: one case per key. */
  idempotencyKey: string;
  /** An identity proof already put in the file store. */
  proofFileId?: string | null;
}

export interface Submitted {
  requestId: string;
  trackingNumber: string;
  accessCode: string;
  /** True when this was a retry of a submission already stored: nothing new was written. */
  replayed: boolean;
}

export const IDEMPOTENCY_CONFLICT =
  '该提交标识（Idempotency-Key）已用于另一份内容不同的申请。重新提交修改后的申请时，请使用新的提交标识。';

/** Hash of what was submitted: the same key with different content is a conflict. */
function bodyHashOf(input: SubmitInput): string {
  const { application, channel, submittedOn, receivedOn } = input;
  return createHash('sha256')
    .update(canonicalJson({ application, channel, submittedOn, receivedOn }))
    .digest('hex');
}

type Existing = NonNullable<Awaited<ReturnType<typeof findIdempotency>>>;

function replay(existing: Existing, input: SubmitInput, bodyHash: string): Result<Submitted> {
  const code = unsealAccessCode(existing.sealed_code, input.idempotencyKey);
  if (existing.body_hash !== bodyHash || code === null)
    return fail({ idempotencyKey: IDEMPOTENCY_CONFLICT });
  return ok({
    requestId: existing.id,
    trackingNumber: existing.tracking_number,
    accessCode: code,
    replayed: true,
  });
}

/**
 * Stores an application as a new case, or — when its idempotency key was seen — answers
 * as the first time did (same tracking number and code). Two submissions racing with the
 * same key: the key's primary key lets one in, the other replays it.
 */
export async function submitApplication(
  deps: ServiceDeps & { files?: FileStore; emailEnabled?: boolean },
  input: SubmitInput,
  actor: Actor,
): Promise<Result<Submitted>> {
  const keyHash = hashIdempotencyKey(`${input.agencyId}:${input.idempotencyKey}`);
  const bodyHash = bodyHashOf(input);
  const attempt = () =>
    runCommand(deps, actor, async (ctx): Promise<Result<Submitted>> => {
      const existing = await findIdempotency(ctx.trx, input.agencyId, keyHash);
      if (existing) return replay(existing, input, bodyHash);
      const now = ctx.now.toISOString();
      // The case's first clock event is its receipt, when already fixed.
      const due = storedDueOf(
        input.receivedOn
          ? clockOfCase(await calendarIn(ctx), [{ type: 'received', onDate: input.receivedOn }])
          : null,
      );
      const id = randomUUID();
      const trackingNumber = newTrackingNumber();
      const accessCode = newAccessCode();
      const state = input.receivedOn ? 'registered' : 'submitted';
      await insertCase(
        ctx.trx,
        {
          id,
          agencyId: input.agencyId,
          trackingNumber,
          accessCodeHash: hashAccessCode(accessCode),
          state,
          channel: input.channel,
          submittedOn: input.submittedOn,
          receivedOn: input.receivedOn,
          dueOn: due.dueOn,
          dueProvisional: due.provisional,
          now,
        },
        input.application,
      );
      if (input.receivedOn)
        await appendEvent(ctx.trx, {
          requestId: id,
          type: 'received',
          onDate: input.receivedOn,
          at: now,
          actorId: ctx.actor.id,
        });
      if (input.proofFileId)
        await linkFile(ctx.trx, {
          requestId: id,
          fileId: input.proofFileId,
          purpose: 'identity_proof',
          now,
        });
      await insertIdempotency(ctx.trx, {
        agencyId: input.agencyId,
        keyHash,
        bodyHash,
        requestId: id,
        sealedCode: sealAccessCode(accessCode, input.idempotencyKey),
        now,
      });
      ctx.record({
        agencyId: input.agencyId,
        subjectType: 'request',
        subjectId: id,
        action: input.channel === 'online' ? 'request.submit' : 'request.register',
        // What the case is, never who applied: the applicant's data stays in its table.
        after: {
          trackingNumber,
          state,
          channel: input.channel,
          category: input.application.applicant.category,
          submittedOn: input.submittedOn,
          receivedOn: input.receivedOn,
          dueOn: due.dueOn,
          dueProvisional: due.provisional,
          itemCount: input.application.items.length,
          deliveryForm: input.application.delivery.form,
          deliveryMethod: input.application.delivery.method,
          identityProof: Boolean(input.proofFileId),
        },
      });
      // Registered with its date of receipt (in person, signed for): the 受理回执 at once.
      if (input.receivedOn && deps.files) {
        const receipt = await issueReceipt(
          { ...deps, files: deps.files, emailEnabled: deps.emailEnabled ?? false },
          ctx,
          (await getCase(ctx.trx, id)) as RequestCase,
          clockOfCase(await calendarIn(ctx), [{ type: 'received', onDate: input.receivedOn }]),
        );
        if (!receipt.ok) return receipt;
      }
      return ok({ requestId: id, trackingNumber, accessCode, replayed: false });
    });
  try {
    return await attempt();
  } catch (error) {
    // The concurrent twin committed first: answer as it did.
    const existing = await findIdempotency(deps.db.kysely, input.agencyId, keyHash);
    if (existing) return replay(existing, input, bodyHash);
    throw error;
  }
}

export const STALE_CASE = '该申请已被他人处理（页面显示的不是最新状态），请刷新页面后再操作。';

/**
 * Staff confirm an application that arrived online, by fax, e-mail or ordinary letter:
 * the day both sides confirmed it is the date of receipt (第31条), and the reply clock starts.
 */
export async function confirmReceipt(
  deps: ServiceDeps & { files?: FileStore; emailEnabled?: boolean },
  input: { requestId: string; receivedOn: string; version: number },
  actor: Actor,
): Promise<Result<RequestCase>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getCase(ctx.trx, input.requestId);
    if (!before) return fail({ _form: '该申请不存在' });
    if (before.state !== 'submitted')
      return fail({ _form: '该申请的收到日期已经确定，无需再次确认' });
    const date = checkIsoDate(input.receivedOn, '确认收到之日');
    if (!date.ok) return fail({ receivedOn: date.error });
    const today = isoDateCst(ctx.now);
    if (date.date > today) return fail({ receivedOn: '确认收到之日不能晚于今天' });
    if (date.date < before.submittedOn)
      return fail({ receivedOn: `确认收到之日不能早于申请送达之日（${before.submittedOn}）` });
    const events = [
      ...(await listEvents(ctx.trx, before.id)),
      { type: 'received', onDate: date.date },
    ];
    const due = storedDueOf(clockOfCase(await calendarIn(ctx), events));
    const now = ctx.now.toISOString();
    const moved = await updateCase(
      ctx.trx,
      before.id,
      input.version,
      {
        state: 'registered',
        received_on: date.date,
        due_on: due.dueOn,
        due_provisional: due.provisional ? 1 : 0,
      },
      now,
    );
    if (!moved) return fail({ _form: STALE_CASE });
    await appendEvent(ctx.trx, {
      requestId: before.id,
      type: 'received',
      onDate: date.date,
      at: now,
      actorId: ctx.actor.id,
    });
    const after = (await getCase(ctx.trx, before.id)) as RequestCase;
    const audited = (c: RequestCase) => ({
      state: c.state,
      receivedOn: c.receivedOn,
      dueOn: c.dueOn,
      dueProvisional: c.dueProvisional,
    });
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'request',
      subjectId: before.id,
      action: 'request.receipt.confirm',
      before: audited(before),
      after: audited(after),
    });
    // The 受理回执, when the app's file store is at hand (the console always passes it).
    if (deps.files) {
      const receipt = await issueReceipt(
        { ...deps, files: deps.files, emailEnabled: deps.emailEnabled ?? false },
        ctx,
        after,
        clockOfCase(await calendarIn(ctx), events),
      );
      if (!receipt.ok) return receipt;
    }
    return ok(after);
  });
}

/**
 * What of the applicant's data was opened: recorded, the data itself never. A letter (答复书,
 * 补正告知书…) is addressed to the applicant by name and address, so downloading one counts.
 */
export type PersonalDataView =
  'applicant' | 'identity_proof' | { letterId: string; format: 'html' | 'docx' };

const VIEW_ACTIONS = {
  applicant: 'request.personal_data.view',
  identity_proof: 'request.identity_proof.view',
} as const;

export async function recordPersonalDataViewed(
  deps: ServiceDeps,
  c: RequestCase,
  what: PersonalDataView,
  actor: Actor,
): Promise<void> {
  await runCommand(deps, actor, async (ctx) => {
    ctx.record({
      agencyId: c.agencyId,
      subjectType: 'request',
      subjectId: c.id,
      ...(typeof what === 'string'
        ? { action: VIEW_ACTIONS[what], after: { trackingNumber: c.trackingNumber } }
        : {
            action: 'request.letter.view',
            after: {
              trackingNumber: c.trackingNumber,
              letterId: what.letterId,
              format: what.format,
            },
          }),
    });
    return ok(null);
  });
}
