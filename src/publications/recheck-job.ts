// The periodic re-check (清查) of published items, as a recurring job (src/jobs): each agency
// with published items gets a round over all of them once in every period of its own rhythm
// (每季度 / 每半年 / 每年, from the period's first day in China Standard Time; 不定期: never),
// started by the same command as the console's 「发起清查」 button (commands.ts createRecheck,
// audit event publication.recheck.create), by the system. The rhythms and their periods are
// recheck-period.ts; an agency that has not chosen is yearly.
//
// One round per agency and period, whatever the instances and however often the job runs:
// an agency that already has a round started in the period — by hand or by an earlier run —
// gets none; the check runs in the transaction that starts the round, under a lock on the
// agency (repository.ts lockAgencyRechecks), which also holds off a change of its rhythm,
// and the round's id is fixed by agency and period, so a second insert of the same round is
// refused by the primary key. See docs/decisions/0019-publications.md.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { systemActor } from '../commands/actor.js';
import type { ServiceDeps } from '../commands/command.js';
import { defineJob, type RecurringJob, type RegisteredJob } from '../jobs/job-runner.js';
import { createRecheck, ROUND_OF_PERIOD_EXISTS, type Staff } from './commands.js';
import {
  RECHECK_RHYTHM_LABELS,
  recheckPeriodOf,
  SCHEDULED_RHYTHMS,
  type RecheckPeriod,
  type ScheduledRhythm,
} from './recheck-period.js';
import { agenciesDueForRecheck } from './repository.js';

export const RECHECK_JOB = 'publications.recheck';

/** Hourly: a new period's rounds start within the first hour of its first day (CST). */
export const RECHECK_RECURRING: RecurringJob = {
  key: 'publication-rechecks',
  type: RECHECK_JOB,
  everyMs: 60 * 60_000,
};

/** The system, starting rounds as a reviewer would by hand: 「系统（每季度定期清查）」. */
const scheduleOf = (rhythm: ScheduledRhythm): Staff => ({
  actor: systemActor(`系统（${RECHECK_RHYTHM_LABELS[rhythm]}定期清查）`),
  holds: (permission) => permission === 'publication.review',
});

/** The id of the agency's scheduled round of a period: the same on every run and instance. */
export function periodicRoundId(agencyId: string, periodKey: string): string {
  // A yearly period's key is its bare year, so a round started before rhythms existed has
  // the id this gives now.
  const h = createHash('sha256')
    .update(`publication-recheck:${agencyId}:${periodKey}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface RecheckRunResult {
  /** Rounds started by this run, with their period's key and the number of items in each. */
  started: { agencyId: string; period: string; roundId: string; total: number }[];
  /** Agencies found due whose round another run started first. */
  alreadyStarted: number;
}

/** One run: starts the current period's round for every agency that has none yet. */
export async function startPeriodicRechecks(
  deps: ServiceDeps,
  signal?: AbortSignal,
): Promise<RecheckRunResult> {
  const now = deps.clock.now();
  const periods = new Map<ScheduledRhythm, RecheckPeriod>();
  for (const rhythm of SCHEDULED_RHYTHMS)
    periods.set(rhythm, recheckPeriodOf(rhythm, now) as RecheckPeriod);
  const result: RecheckRunResult = { started: [], alreadyStarted: 0 };
  for (const due of await agenciesDueForRecheck(deps.db.kysely, [...periods.values()])) {
    if (signal?.aborted) throw new Error('已中止');
    const period = periods.get(due.rhythm) as RecheckPeriod;
    const roundId = periodicRoundId(due.agencyId, period.key);
    const r = await createRecheck(deps, scheduleOf(due.rhythm), due.agencyId, period.title, {
      id: roundId,
      rhythm: due.rhythm,
      since: period.since,
    });
    if (r.ok)
      result.started.push({
        agencyId: due.agencyId,
        period: period.key,
        roundId,
        total: r.value.total,
      });
    else if (r.errors._form === ROUND_OF_PERIOD_EXISTS) result.alreadyStarted += 1;
    // Anything else (the agency's last item withdrawn, or its rhythm changed, since the list
    // was read) is the command's own refusal; the next run looks again.
  }
  return result;
}

export function recheckJob(): RegisteredJob {
  return defineJob({
    type: RECHECK_JOB,
    payload: z.object({}).passthrough(),
    run: (_payload, ctx) => startPeriodicRechecks({ db: ctx.db, clock: ctx.clock }, ctx.signal),
  });
}
