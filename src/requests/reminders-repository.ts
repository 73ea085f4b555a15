// SQL of the reminders: the open cases due on or before a day, and the digest record of an
// agency's day (the row whose key makes a digest go out once per agency and day).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { PERMISSIONS } from '../auth/policy.js';
import type { CaseState } from './case.js';
import type { ReminderCase } from './reminders.js';

type Q = Kysely<Database>;

/** Open, received cases of the agency with a running due date on or before `limit`. */
export async function casesDueBy(db: Q, agencyId: string, limit: string): Promise<ReminderCase[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['tracking_number', 'due_on', 'due_provisional', 'state'])
    .where('agency_id', '=', agencyId)
    .where('state', '!=', 'closed')
    .where('received_on', 'is not', null)
    .where('due_on', 'is not', null)
    .where('due_on', '<=', limit)
    .execute();
  return rows.map((r) => ({
    trackingNumber: r.tracking_number,
    dueOn: r.due_on!,
    dueProvisional: Number(r.due_provisional) === 1,
    state: r.state as CaseState,
  }));
}

/** Agencies with an open case due by `limit`, with the disclosure office's mailbox. */
export async function agenciesWithCasesDueBy(db: Q, limit: string) {
  return db
    .selectFrom('agencies')
    .select(['agencies.id', 'agencies.full_name', 'agencies.office_email'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('requests')
          .select('requests.id')
          .whereRef('requests.agency_id', '=', 'agencies.id')
          .where('requests.state', '!=', 'closed')
          .where('requests.received_on', 'is not', null)
          .where('requests.due_on', 'is not', null)
          .where('requests.due_on', '<=', limit),
      ),
    )
    .orderBy('agencies.id')
    .execute();
}

export async function findDigest(db: Q, agencyId: string, onDate: string) {
  return db
    .selectFrom('request_reminder_digests')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('on_date', '=', onDate)
    .executeTakeFirst();
}

/**
 * The e-mail addresses of the agency's active accounts that handle requests (the roles of
 * 'request.handle'), in a stable order: the digest goes to them when any has one.
 */
export async function requestStaffMailboxes(db: Q, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts')
    .innerJoin('account_roles', 'account_roles.account_id', 'accounts.id')
    .select('accounts.email')
    .distinct()
    .where('accounts.agency_id', '=', agencyId)
    .where('accounts.is_active', '=', 1)
    .where('accounts.email', 'is not', null)
    .where('account_roles.role', 'in', [...PERMISSIONS['request.handle']])
    .orderBy('accounts.email')
    .execute();
  return rows.flatMap((r) => (r.email ? [r.email] : []));
}
