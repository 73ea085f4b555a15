// Reading the audit log for the console: newest first, paged, optionally by subject.
import type { Kysely } from 'kysely';
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
): Promise<{ events: AuditEvent[]; total: number }> {
  let base = db.selectFrom('audit_events').where('chain_id', '=', q.chainId);
  if (q.subjectType) base = base.where('subject_type', '=', q.subjectType);
  if (q.subjectId) base = base.where('subject_id', '=', q.subjectId);
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(count.n),
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
