// The report deadline that applies to one agency: the pure rule (deadline.ts) with the local
// schedule its parent set for 乡镇街道, read from the database. A module of its own because
// supervision needs it and the annual-report service, which sends published reports to
// supervision, must not be imported back.
import type { Kysely } from 'kysely';
import type { Agency } from '../agencies/agency.js';
import type { Database } from '../db/schema.js';
import { getTownshipDeadline } from './annual-report-repository.js';
import { deadlineRule, type ReportDeadlineRule } from './deadline.js';

export async function deadlineOf(
  db: Kysely<Database>,
  agency: Agency,
): Promise<ReportDeadlineRule> {
  return deadlineRule(agency, await getTownshipDeadline(db, agency.parentId));
}
