// Running a use case: one call opens the transaction, runs the change, appends the audit
// events the change recorded in that same transaction, and commits — or, when the change
// returns field errors or throws, rolls everything back, so neither the change nor its
// events remain. A unique constraint that a concurrent request won is turned into the
// field error the change declared for it.
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { AuditInput } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import type { Actor } from './actor.js';
import type { Result } from './result.js';

/** What every service needs; features take this (or a Pick of it), not the whole app. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
}

/** An audit event as a change records it; the actor is the command's. */
export type AuditRecord = Omit<AuditInput, 'actor'>;

export interface CommandContext {
  /** The transaction: every read and write of the change goes through it. */
  trx: Kysely<Database>;
  /** The time of the command, the same for everything it writes. */
  now: Date;
  actor: Actor;
  /** Records an audit event, appended in this transaction when the change succeeds. */
  record(event: AuditRecord): void;
}

/** Thrown inside the transaction to roll it back while returning the errors. */
class Rejected {
  constructor(readonly result: Result<never>) {}
}

export async function runCommand<T>(
  deps: ServiceDeps,
  actor: Actor,
  change: (ctx: CommandContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  const { db, clock } = deps;
  const now = clock.now();
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const events: AuditRecord[] = [];
      const result = await change({ trx, now, actor, record: (e) => events.push(e) });
      if (!result.ok) throw new Rejected(result);
      for (const event of events) await appendAuditEvent(trx, { ...event, actor }, clock);
      return result;
    });
  } catch (error) {
    if (error instanceof Rejected) return error.result;
    throw error;
  }
}
