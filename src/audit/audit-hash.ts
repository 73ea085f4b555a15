// The hash of one audit event. Everything stored about the event, including its place in
// the chain (chain id, seq) and the previous event's hash, goes into it: changing,
// removing or moving an event breaks the chain. See docs/decisions/0005-audit-chain.md.
import { createHash } from 'node:crypto';
import type { AuditEventsTable } from '../db/schema.js';
import { canonicalJson } from './canonical.js';

/** The hash of the (virtual) event before the first one of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every stored field of an event but its own hash. */
export type HashedFields = Omit<AuditEventsTable, 'hash'>;

export function auditEventHash(e: HashedFields): string {
  const canonical = canonicalJson({
    v: 1,
    chainId: e.chain_id,
    seq: Number(e.seq),
    agencyId: e.agency_id,
    occurredAt: e.occurred_at,
    actorId: e.actor_id,
    actorLabel: e.actor_label,
    subjectType: e.subject_type,
    subjectId: e.subject_id,
    action: e.action,
    before: e.before_json,
    after: e.after_json,
    prevHash: e.prev_hash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
