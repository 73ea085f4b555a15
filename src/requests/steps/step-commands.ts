// Every step of a case after its receipt, as ONE use case: read the form, ask the core's
// transition() (states, roles, dates, guards), and in one transaction store the new state
// and the cached due date (refused when the page was stale), the step's event with its data,
// the letters the step issues (src/letters, scheduled for e-mail when the applicant chose
// it), and the audit event. A refusal writes nothing and says why in Chinese.
import type { Actor } from '../../commands/actor.js';
import { runCommand, type ServiceDeps } from '../../commands/command.js';
import { fail, ok, type Result } from '../../commands/result.js';
import type { FileStore } from '../../files/file-store.js';
import { issueLetter, type IssuedLetter } from '../../letters/issue.js';
import { isoDateCst } from '../../portal/dates.js';
import { TRANSITIONS, transition, type ActorFacts, type CaseActionType } from '../case.js';
import { storedDueOf } from '../case-clock.js';
import { calendarIn, STALE_CASE } from '../commands.js';
import { applicationOrdinalInMonth } from '../fee-records.js';
import { perApplicationFee, perPageFee, formatYuan, type FeeWorking } from '../fees.js';
import {
  appendEvent,
  getApplicant,
  getCase,
  linkFile,
  listEvents,
  listItems,
  updateCase,
} from '../repository.js';
import type { RequestCase } from '../request.js';
import { lettersOfStep, summaryOf } from './step-letters.js';
import { parseStepForm, type StepData, type StepValues } from './step-forms.js';
import {
  coreCaseOf,
  currentDraft,
  extensionReason,
  noticedFee,
  STEP_EVENT_TYPES,
} from './stored-core.js';

export interface StepDeps extends ServiceDeps {
  files: FileStore;
  /** Whether SMTP is configured (letters for e-mail delivery are then queued). */
  emailEnabled: boolean;
}

export interface StepInput {
  requestId: string;
  /** The case's version the page showed: a step on a stale page is refused. */
  version: number;
  type: CaseActionType;
  values: StepValues;
  /** Who acts, as permissions in the case's agency (or the applicant through tracking). */
  who: ActorFacts;
  /** A file attached to a correction, already checked and stored. */
  fileId?: string | null;
}

export interface StepDone {
  case: RequestCase;
  letters: IssuedLetter[];
}

/** The step's event on the record is dated the day it happened; undated steps, today. */
const dateOf = (action: object, today: string) =>
  'date' in action && typeof action.date === 'string' ? action.date : today;

/** The fee of a notice: by exactly one method, as fees.ts computes it. */
async function feeOf(deps: StepDeps, c: RequestCase, data: StepData, db = deps.db.kysely) {
  if (data.method === 'per_page') return perPageFee(data.pages as number);
  const ordinal = await applicationOrdinalInMonth(db, c.id);
  const fen = perApplicationFee(ordinal);
  const working: FeeWorking = {
    method: 'per_application',
    lines: [{ from: ordinal, to: ordinal, count: 1, fenEach: fen, fen }],
    total: fen,
  };
  return working;
}

export async function takeStep(
  deps: StepDeps,
  input: StepInput,
  actor: Actor,
): Promise<Result<StepDone>> {
  return runCommand(deps, actor, async (ctx) => {
    const before = await getCase(ctx.trx, input.requestId);
    if (!before) return fail({ _form: '该申请不存在' });
    if (before.version !== input.version) return fail({ _form: STALE_CASE });
    const today = isoDateCst(ctx.now);
    const parsed = parseStepForm(input.type, input.values, today);
    if (!parsed.ok) return fail(parsed.errors);
    const { action } = parsed.step;
    const data: StepData = { ...parsed.step.data };
    const events = await listEvents(ctx.trx, before.id);
    const calendar = await calendarIn(ctx);

    let fee: FeeWorking | null = null;
    if (
      action.type === 'send_fee_notice' &&
      TRANSITIONS.send_fee_notice.from.includes(before.state)
    ) {
      fee = await feeOf(deps, before, data, ctx.trx);
      if (fee.total === 0)
        return fail({
          method: `按${data.method === 'per_page' ? '页数' : '本月申请件数'}计算，本件申请在免费范围内，无需收费`,
        });
      data.amountFen = fee.total;
    }
    if (action.type === 'record_fee_payment') data.amountFen = noticedFee(events);

    const moved = transition(coreCaseOf(before, events), action, {
      actor: input.who,
      today,
      calendar,
    });
    if (!moved.ok) return fail({ _form: moved.error });
    const next = moved.case;
    const due = moved.clock
      ? storedDueOf(moved.clock)
      : { dueOn: before.dueOn, provisional: before.dueProvisional };
    const now = ctx.now.toISOString();
    const updated = await updateCase(
      ctx.trx,
      before.id,
      before.version,
      {
        state: next.state,
        due_on: due.dueOn,
        due_provisional: due.provisional ? 1 : 0,
        extended: next.events.some((e) => e.type === 'extended') ? 1 : 0,
        outcome: next.outcome,
        closure: next.closure,
        closed_on: next.closedOn,
      },
      now,
    );
    if (!updated) return fail({ _form: STALE_CASE });
    if (input.fileId) data.fileId = input.fileId;
    await appendEvent(ctx.trx, {
      requestId: before.id,
      type: STEP_EVENT_TYPES[action.type],
      onDate: dateOf(action, today),
      at: now,
      actorId: ctx.actor.id,
      data,
    });
    if (input.fileId)
      await linkFile(ctx.trx, {
        requestId: before.id,
        fileId: input.fileId,
        purpose: 'correction',
        now,
      });

    const [applicant, items] = await Promise.all([
      getApplicant(ctx.trx, before.id),
      listItems(ctx.trx, before.id),
    ]);
    if (!applicant) throw new Error(`request ${before.id} has no applicant row`);
    const after = (await getCase(ctx.trx, before.id)) as RequestCase;
    const planned = lettersOfStep(action.type, {
      c: after,
      applicantName: applicant.name,
      requestSummary: summaryOf(items),
      clock: moved.clock,
      data,
      draft: currentDraft(events),
      extensionReason: extensionReason(events),
      fee,
    });
    const byEmail = before.deliveryMethod === 'email' && applicant.email ? applicant.email : null;
    const letters: IssuedLetter[] = [];
    for (const l of planned) {
      const issued = await issueLetter(deps, ctx, {
        agencyId: before.agencyId,
        kind: l.kind,
        subject: { type: 'request', id: before.id },
        context: l.context,
        ...(l.toApplicant && byEmail ? { email: byEmail } : {}),
      } as Parameters<typeof issueLetter>[2]);
      if (!issued.ok) return fail({ _form: Object.values(issued.errors).join('；') });
      letters.push(issued.value);
    }
    const audited = (c: RequestCase) => ({
      state: c.state,
      dueOn: c.dueOn,
      dueProvisional: c.dueProvisional,
      extended: c.extended,
      outcome: c.outcome,
      closure: c.closure,
      closedOn: c.closedOn,
    });
    // What changed and which letters went out; never the notes, which may name people.
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'request',
      subjectId: before.id,
      action: `request.step.${action.type}`,
      before: audited(before),
      after: {
        ...audited(after),
        trackingNumber: after.trackingNumber,
        onDate: dateOf(action, today),
        ...(typeof data.amountFen === 'number' ? { feeYuan: formatYuan(data.amountFen) } : {}),
        letters: letters.map((l) => l.letterNumber).join('、'),
      },
    });
    return ok({ case: after, letters });
  });
}
