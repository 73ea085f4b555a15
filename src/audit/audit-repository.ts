// Reading the audit log for the console: newest first (or oldest first), paged, filtered by
// subject, actor, time range and action; and the names the log shows instead of ids.
import type { Kysely } from 'kysely';
import { paginate } from '../db/paginate.js';
import type { Database } from '../db/schema.js';

export interface AuditEvent {
  chainId: string;
  seq: number;
  agencyId: string | null;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  subjectType: string;
  subjectId: string;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditQuery {
  chainId: string;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actorId?: string | undefined;
  /** Events at or after this instant (ISO UTC). */
  from?: string | undefined;
  /** Events before this instant (ISO UTC). */
  before?: string | undefined;
  /** Actions left out, e.g. sign-in and sign-out. */
  excludeActions?: readonly string[] | undefined;
  direction?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function listAuditEvents(
  db: Kysely<Database>,
  q: AuditQuery,
): Promise<{ events: AuditEvent[]; total: number; page: number; pageCount: number }> {
  let base = db.selectFrom('audit_events').where('chain_id', '=', q.chainId);
  if (q.subjectType) base = base.where('subject_type', '=', q.subjectType);
  if (q.subjectId) base = base.where('subject_id', '=', q.subjectId);
  if (q.actorId) base = base.where('actor_id', '=', q.actorId);
  if (q.from) base = base.where('occurred_at', '>=', q.from);
  if (q.before) base = base.where('occurred_at', '<', q.before);
  if (q.excludeActions && q.excludeActions.length > 0)
    base = base.where('action', 'not in', [...q.excludeActions]);
  const { rows, total, page, pageCount } = await paginate(
    db,
    base.selectAll().orderBy('seq', q.direction ?? 'desc'),
    q,
  );
  return {
    total,
    page,
    pageCount,
    events: rows.map((r) => ({
      chainId: r.chain_id,
      seq: Number(r.seq),
      agencyId: r.agency_id,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      action: r.action,
      before: parseJson(r.before_json),
      after: parseJson(r.after_json),
      hash: r.hash,
    })),
  };
}

/** The people who acted in a chain (accounts only), for the audit log's filter. */
export async function listChainActors(
  db: Kysely<Database>,
  chainId: string,
): Promise<{ id: string; label: string }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['actor_id', 'actor_label'])
    .distinct()
    .where('chain_id', '=', chainId)
    .where('actor_id', 'is not', null)
    .orderBy('actor_label')
    .execute();
  const byId = new Map<string, string>();
  for (const r of rows)
    if (r.actor_id && !byId.has(r.actor_id)) byId.set(r.actor_id, r.actor_label);
  return [...byId].map(([id, label]) => ({ id, label }));
}
