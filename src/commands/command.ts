// Running a use case: one call opens the transaction, runs the change, appends the audit
// events the change recorded in that same transaction, and commits — or, when the change
// returns field errors or throws, rolls everything back, so neither the change nor its
// events remain. A unique constraint that a concurrent request won is turned into the
// field error the change declared for it.
import type { Kysely } from 'kysely';
import { appendAuditEvents } from '../audit/audit-log.js';
import type { AuditInput } from '../audit/audit-log.js';
import type { ScryptParams } from '../auth/password.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import { mapUniqueViolation, type UniqueKey } from '../db/unique-violation.js';
import type { Actor } from './actor.js';
import { fail, type Result } from './result.js';

/** What every service needs; features take this, not the whole app. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  /** scrypt parameters for new password hashes; the strong default when absent (tests lower it). */
  passwordParams?: ScryptParams;
}

/** The unique columns a change writes, and what the form says when one is already taken. */
export interface UniqueFields<F extends string> {
  keys: readonly UniqueKey<F>[];
  taken: Readonly<Record<F, string>>;
}

export interface CommandOptions<F extends string> {
  unique?: UniqueFields<F>;
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

export async function runCommand<T, F extends string = never>(
  deps: ServiceDeps,
  actor: Actor,
  change: (ctx: CommandContext) => Promise<Result<T>>,
  options: CommandOptions<F> = {},
): Promise<Result<T>> {
  const { db, clock } = deps;
  const now = clock.now();
  const run = async (): Promise<Result<T>> => {
    try {
      return await db.kysely.transaction().execute(async (trx) => {
        const events: AuditRecord[] = [];
        const result = await change({ trx, now, actor, record: (e) => events.push(e) });
        if (!result.ok) throw new Rejected(result);
        await appendAuditEvents(
          trx,
          events.map((event) => ({ ...event, actor })),
          clock,
        );
        return result;
      });
    } catch (error) {
      if (error instanceof Rejected) return error.result;
      throw error;
    }
  };
  const { unique } = options;
  if (!unique) return run();
  // Mapped after the transaction has been rolled back (PostgreSQL allows nothing more on it).
  return mapUniqueViolation(unique.keys, run, (field) => fail({ [field]: unique.taken[field] }));
}
