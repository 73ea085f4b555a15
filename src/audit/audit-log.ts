// Appending to the audit log. Callers pass their transaction, so the event commits or
// rolls back together with the change it records.
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Clock } from '../db/time.js';
import type { Database } from '../db/schema.js';
import { auditEventHash, GENESIS_HASH, type HashedFields } from './audit-hash.js';
import { canonicalJson } from './canonical.js';

export interface AuditInput {
  agencyId: string | null;
  actor: { id: string | null; label: string };
  subjectType: string;
  subjectId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export const SYSTEM_CHAIN = 'system';

export function chainIdFor(agencyId: string | null): string {
  return agencyId ?? SYSTEM_CHAIN;
}

/**
 * Appends one event to the chain of `input.agencyId` (or 'system'). Must run inside the
 * caller's transaction. The chain's head row is locked first (FOR UPDATE on PostgreSQL;
 * SQLite serializes write transactions), so concurrent appends queue instead of forking.
 */
export async function appendAuditEvent(
  db: Kysely<Database>,
  input: AuditInput,
  clock: Clock,
): Promise<void> {
  await appendAuditEvents(db, [input], clock);
}

/** Events per insert statement when a change records many (the demo ~200, an import one per item). */
const EVENT_CHUNK = 100;

/**
 * Appends events in their order, each chain's exactly as one append after another would:
 * the head is locked and read once per chain, the events hashed in sequence, inserted a
 * chunk per statement, and the head moved once. Must run inside the caller's transaction.
 */
export async function appendAuditEvents(
  db: Kysely<Database>,
  inputs: readonly AuditInput[],
  clock: Clock,
): Promise<void> {
  const byChain = new Map<string, AuditInput[]>();
  for (const input of inputs) {
    const chainId = chainIdFor(input.agencyId);
    const events = byChain.get(chainId);
    // Pushed, not copied: an import records one event per item, 20,000 in one call.
    if (events) events.push(input);
    else byChain.set(chainId, [input]);
  }
  for (const [chainId, events] of byChain) {
    // Make sure a head row exists to lock; a concurrent first append just finds it there.
    await db
      .insertInto('audit_heads')
      .values({ chain_id: chainId, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('chain_id').doNothing())
      .execute();
    let headQuery = db
      .selectFrom('audit_heads')
      .select(['seq', 'hash'])
      .where('chain_id', '=', chainId);
    if (db.getExecutor().adapter instanceof PostgresAdapter) headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    let seq = Number(head.seq);
    let prev = head.hash;
    const rows = events.map((input) => {
      const fields: HashedFields = {
        chain_id: chainId,
        seq: (seq += 1),
        agency_id: input.agencyId,
        occurred_at: clock.now().toISOString(),
        actor_id: input.actor.id,
        actor_label: input.actor.label,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        action: input.action,
        before_json: input.before === undefined ? null : canonicalJson(input.before),
        after_json: input.after === undefined ? null : canonicalJson(input.after),
        prev_hash: prev,
      };
      prev = auditEventHash(fields);
      return { ...fields, hash: prev };
    });
    for (let i = 0; i < rows.length; i += EVENT_CHUNK)
      await db
        .insertInto('audit_events')
        .values(rows.slice(i, i + EVENT_CHUNK))
        .execute();
    await db
      .updateTable('audit_heads')
      .set({ seq, hash: prev })
      .where('chain_id', '=', chainId)
      .execute();
  }
}
