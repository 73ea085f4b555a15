// After a calendar change (src/calendar/calendar-changed.ts), the cached due date and its
// provisional flag of every open case whose clock looks at a changed day are computed again
// by the one clock, from the case's stored events. Each case is its own command, so a
// retry after a crash redoes only what did not commit, and a case already right is left
// without a write or an audit event: running the job twice changes nothing the second time.
import type { CalendarChange, CalendarDependent } from '../calendar/calendar-changed.js';
import { systemActor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { ok } from '../commands/result.js';
import { clockOfCase, storedDueOf } from './case-clock.js';
import { ClockEventsError } from './clock.js';
import { calendarIn } from './commands.js';
import { candidatesForCalendarChange, getCase, listEvents, setCachedDue } from './repository.js';

export const DUE_RECOMPUTE_ACTOR = systemActor('工作日历变更后重新计算答复期限');

export interface DueRecomputeResult {
  examined: number;
  changed: number;
  /** Cases whose stored events the new calendar makes inconsistent: left as they were, for staff to look at. */
  refused: { trackingNumber: string; message: string }[];
}

type Outcome = 'changed' | 'unchanged' | { refused: string };

async function recomputeCase(deps: ServiceDeps, id: string): Promise<Outcome> {
  const r = await runCommand(deps, DUE_RECOMPUTE_ACTOR, async (ctx) => {
    const before = await getCase(ctx.trx, id);
    if (!before || before.state === 'closed' || before.receivedOn === null)
      return ok<Outcome>('unchanged');
    let due;
    try {
      due = storedDueOf(clockOfCase(await calendarIn(ctx), await listEvents(ctx.trx, id)));
    } catch (e) {
      if (e instanceof ClockEventsError) return ok<Outcome>({ refused: e.message });
      throw e;
    }
    if (due.dueOn === before.dueOn && due.provisional === before.dueProvisional)
      return ok<Outcome>('unchanged');
    await setCachedDue(ctx.trx, id, due, ctx.now.toISOString());
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'request',
      subjectId: id,
      action: 'request.due.recompute',
      before: { dueOn: before.dueOn, dueProvisional: before.dueProvisional },
      after: { dueOn: due.dueOn, dueProvisional: due.provisional },
    });
    return ok<Outcome>('changed');
  });
  if (!r.ok) throw new Error(Object.values(r.errors).join('；'));
  return r.value;
}

export async function recomputeDueDates(
  deps: ServiceDeps,
  change: CalendarChange,
  signal?: AbortSignal,
): Promise<DueRecomputeResult> {
  const candidates = await candidatesForCalendarChange(deps.db.kysely, change);
  const result: DueRecomputeResult = { examined: candidates.length, changed: 0, refused: [] };
  for (const c of candidates) {
    if (signal?.aborted) throw new Error('已中止');
    const outcome = await recomputeCase(deps, c.id);
    if (outcome === 'changed') result.changed += 1;
    else if (outcome !== 'unchanged')
      result.refused.push({ trackingNumber: c.trackingNumber, message: outcome.refused });
  }
  return result;
}

export const requestDueDates: CalendarDependent = {
  name: 'requests.due_dates',
  recompute: (change, ctx) => recomputeDueDates(ctx, change, ctx.signal),
};
