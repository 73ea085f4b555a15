// When each subordinate's report for a year is due. There is one definition of it, the
// annual-report feature's (《条例》第四十九条 and the local schedule a parent agency sets for
// the townships and 街道 below it, /console/annual-report-schedule): this reads it through
// `deadlineOf`, once per kind of agency under each parent, since the rule depends on nothing
// else.
import type { Kysely } from 'kysely';
import type { Agency } from '../agencies/agency.js';
import { deadlineOf } from '../annual-reports/agency-deadline.js';
import {
  dueDate,
  STATUTORY_DEADLINE,
  type ReportDeadlineRule,
} from '../annual-reports/deadline.js';
import type { Database } from '../db/schema.js';

export type DeadlineRules = ReadonlyMap<string, ReportDeadlineRule>;

/** Agency id → its report deadline rule. */
export async function deadlineRules(
  db: Kysely<Database>,
  agencies: readonly Agency[],
): Promise<DeadlineRules> {
  const byKind = new Map<string, Promise<ReportDeadlineRule>>();
  const out = new Map<string, ReportDeadlineRule>();
  await Promise.all(
    agencies.map(async (a) => {
      const key = `${a.parentId ?? ''}\u0000${a.level}\u0000${a.kind}`;
      let rule = byKind.get(key);
      if (!rule) byKind.set(key, (rule = deadlineOf(db, a)));
      out.set(a.id, await rule);
    }),
  );
  return out;
}

/** The due date (YYYY-MM-DD) of an agency's report on `year` (1月31日 for one not looked up). */
export function dueOn(rules: DeadlineRules, agencyId: string, year: number): string {
  return dueDate(year, rules.get(agencyId) ?? { deadline: STATUTORY_DEADLINE, basis: '' });
}
