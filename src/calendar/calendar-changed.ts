// When the calendar changes, whatever was computed from it (due dates of open cases, their
// provisional flags) must be computed again (architecture principle 4). Every calendar
// write schedules a `calendar.changed` job in its own transaction; the job runs each
// dependent given at start-up and records what each did. A feature that computes from the
// calendar declares its dependent as `Feature.calendarDependents` (src/web/feature.ts).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import { scheduleJob } from '../jobs/job-queue.js';
import { defineJob, type JobContext, type RegisteredJob } from '../jobs/job-runner.js';
import { isIsoDate, type IsoDate } from './dates.js';

export const CALENDAR_CHANGED = 'calendar.changed';

/** The days whose kind may have changed, inclusive. */
export interface CalendarChange {
  from: IsoDate;
  to: IsoDate;
}

const isoDate = z.string().refine(isIsoDate, '日期应为“年-月-日”');
const changeSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((c) => c.from <= c.to, '起始日期不能晚于结束日期');

export interface CalendarDependent {
  /** Stable name, recorded in the job's result. */
  name: string;
  /**
   * Recomputes what depends on the days in `change`. May run more than once for one change
   * (a retry after a crash or a later dependent's failure), so it must be idempotent.
   */
  recompute(change: CalendarChange, ctx: JobContext): Promise<unknown>;
}

/** Call inside the transaction that changes the calendar. */
export async function scheduleCalendarChanged(
  trx: Kysely<Database>,
  change: CalendarChange,
  clock: Clock,
): Promise<void> {
  await scheduleJob(trx, { type: CALENDAR_CHANGED, payload: change }, clock);
}

export function calendarChangedJob(dependents: readonly CalendarDependent[]): RegisteredJob {
  return defineJob({
    type: CALENDAR_CHANGED,
    payload: changeSchema,
    async run(change, ctx) {
      const done: { name: string; result: unknown }[] = [];
      for (const dependent of dependents) {
        if (ctx.signal.aborted) throw new Error('已中止');
        try {
          done.push({
            name: dependent.name,
            result: (await dependent.recompute(change, ctx)) ?? null,
          });
        } catch (e) {
          throw new Error(`${dependent.name}：${e instanceof Error ? e.message : String(e)}`, {
            cause: e,
          });
        }
      }
      return { from: change.from, to: change.to, dependents: done };
    },
  });
}
