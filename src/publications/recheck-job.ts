// The periodic re-check (清查) of published items, as a recurring job (src/jobs): once a
// year, from 1 January in China Standard Time, every agency with published items gets a
// round over all of them, started by the same command as the console's 「发起清查」 button
// (commands.ts createRecheck, audit event publication.recheck.create), by the system.
//
// One round per agency and year, whatever the instances and however often the job runs:
// an agency that already has a round started this year — by hand or by an earlier run —
// gets none; the check runs in the transaction that starts the round, under a lock on the
// agency (repository.ts lockAgencyRechecks), and the round's id is fixed by agency and
// year, so a second insert of the same round is refused by the primary key.
//
// The period is platform-wide: there is no per-agency settings table to keep an agency's
// own period in without a migration. See docs/decisions/0019-publications.md.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { systemActor } from '../commands/actor.js';
import type { ServiceDeps } from '../commands/command.js';
import { defineJob, type RecurringJob, type RegisteredJob } from '../jobs/job-runner.js';
import { isoDateCst } from '../portal/dates.js';
import { createRecheck, ROUND_OF_PERIOD_EXISTS, type Staff } from './commands.js';
import { agenciesDueForRecheck } from './repository.js';

export const RECHECK_JOB = 'publications.recheck';

/** Hourly: a new year's rounds start within the first hour of 1 January (CST). */
export const RECHECK_RECURRING: RecurringJob = {
  key: 'publication-rechecks',
  type: RECHECK_JOB,
  everyMs: 60 * 60_000,
};

/** The system, starting rounds as a reviewer would by hand. */
const SCHEDULE: Staff = {
  actor: systemActor('系统（每年定期清查）'),
  holds: (permission) => permission === 'publication.review',
};

/** What the console says about the schedule (the rounds page). */
export const RECHECK_SCHEDULE_NOTE =
  '每年1月1日起，系统自动为本机关发起当年度清查，列入全部已发布的信息；当年已发起过清查的（包括手动发起的），不再自动发起。';

const CST_OFFSET_MS = 8 * 60 * 60_000;

export interface RecheckPeriod {
  year: number;
  /** 1 January of the year, 00:00 in China Standard Time, as an ISO timestamp. */
  since: string;
  title: string;
}

/** The period `now` falls in: the calendar year in China Standard Time. */
export function recheckPeriodOf(now: Date): RecheckPeriod {
  const year = Number(isoDateCst(now).slice(0, 4));
  return {
    year,
    since: new Date(Date.UTC(year, 0, 1) - CST_OFFSET_MS).toISOString(),
    title: `${year}年度已公开信息清查`,
  };
}

/** The id of the agency's scheduled round of `year`: the same on every run and instance. */
export function periodicRoundId(agencyId: string, year: number): string {
  const h = createHash('sha256').update(`publication-recheck:${agencyId}:${year}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface RecheckRunResult {
  year: number;
  /** Rounds started by this run, with the number of items in each. */
  started: { agencyId: string; roundId: string; total: number }[];
  /** Agencies found due whose round another run started first. */
  alreadyStarted: number;
}

/** One run: starts the year's round for every agency that has none yet. */
export async function startPeriodicRechecks(
  deps: ServiceDeps,
  signal?: AbortSignal,
): Promise<RecheckRunResult> {
  const period = recheckPeriodOf(deps.clock.now());
  const result: RecheckRunResult = { year: period.year, started: [], alreadyStarted: 0 };
  for (const agencyId of await agenciesDueForRecheck(deps.db.kysely, period.since)) {
    if (signal?.aborted) throw new Error('已中止');
    const roundId = periodicRoundId(agencyId, period.year);
    const r = await createRecheck(deps, SCHEDULE, agencyId, period.title, {
      id: roundId,
      since: period.since,
    });
    if (r.ok) result.started.push({ agencyId, roundId, total: r.value.total });
    else if (r.errors._form === ROUND_OF_PERIOD_EXISTS) result.alreadyStarted += 1;
    // Anything else (the agency's last item withdrawn since the list was read) is the
    // command's own refusal; the next run looks again.
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
