// Verifying a chain: recompute every event's hash in order and follow the prev_hash
// links, then compare with the chain's head. Says what is wrong and where, in Chinese.
import type { Kysely } from 'kysely';
import type { AuditEventRow, Database } from '../db/schema.js';
import { auditEventHash, GENESIS_HASH } from './audit-hash.js';

export type AuditProblemKind = 'edited' | 'deleted' | 'reordered' | 'inserted';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The sequence number at which the chain first breaks. */
  seq: number;
  message: string;
}

export interface AuditVerification {
  chainId: string;
  ok: boolean;
  /** Events checked before the verdict. */
  checked: number;
  problem: AuditProblem | null;
}

const BATCH = 500;

/**
 * Verifies one chain as it stands at one moment: the head and every event are read in one
 * transaction (one snapshot: SQLite's read transaction, PostgreSQL's repeatable read). Read
 * statement by statement, an event appended between reading the head and reading the events
 * looked like one inserted behind the head's back (「第 N 条起的审计记录不是经正常途径写入的」):
 * a running server appends while an administrator verifies.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  chainId: string,
): Promise<AuditVerification> {
  if (db.isTransaction) return verifyInSnapshot(db, chainId);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyInSnapshot(trx, chainId));
}

async function verifyInSnapshot(db: Kysely<Database>, chainId: string): Promise<AuditVerification> {
  const head = await db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('chain_id', '=', chainId)
    .executeTakeFirst();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const fail = (problem: AuditProblem): AuditVerification => ({
    chainId,
    ok: false,
    checked,
    problem,
  });

  for (;;) {
    const rows: AuditEventRow[] = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', chainId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        const missing =
          seq - expectedSeq === 1 ? `第 ${expectedSeq} 条` : `第 ${expectedSeq}–${seq - 1} 条`;
        return fail({
          kind: 'deleted',
          seq: expectedSeq,
          message: `审计记录${missing}已被删除（序号不连续）。`,
        });
      }
      const recomputed = auditEventHash(row);
      if (row.prev_hash !== prevHash) {
        return fail(await explainBrokenLink(db, chainId, row, recomputed === row.hash));
      }
      if (recomputed !== row.hash) {
        return fail({
          kind: 'edited',
          seq,
          message: `第 ${seq} 条审计记录的内容已被改动（哈希值与内容不符）。`,
        });
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
  }

  const lastSeq = expectedSeq - 1;
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > lastSeq) {
    const missing =
      headSeq - lastSeq === 1 ? `第 ${headSeq} 条` : `第 ${lastSeq + 1}–${headSeq} 条`;
    return fail({
      kind: 'deleted',
      seq: lastSeq + 1,
      message: `审计记录${missing}（链尾）已被删除。`,
    });
  }
  if (headSeq < lastSeq) {
    return fail({
      kind: 'inserted',
      seq: headSeq + 1,
      message: `第 ${headSeq + 1} 条起的审计记录不是经正常途径写入的。`,
    });
  }
  if (lastSeq > 0 && head && head.hash !== prevHash) {
    return fail({
      kind: 'edited',
      seq: lastSeq,
      message: `第 ${lastSeq} 条审计记录的内容已被改动（与链头记录的哈希值不符）。`,
    });
  }
  return { chainId, ok: true, checked, problem: null };
}

/** The event's prev_hash does not point at its predecessor: find out where it points. */
async function explainBrokenLink(
  db: Kysely<Database>,
  chainId: string,
  row: AuditEventRow,
  rowIntact: boolean,
): Promise<AuditProblem> {
  const seq = Number(row.seq);
  const target =
    row.prev_hash === GENESIS_HASH
      ? { seq: 0 }
      : await db
          .selectFrom('audit_events')
          .select('seq')
          .where('chain_id', '=', chainId)
          .where('hash', '=', row.prev_hash)
          .executeTakeFirst();
  if (target && Number(target.seq) > seq) {
    return {
      kind: 'reordered',
      seq,
      message: `第 ${seq} 条审计记录的顺序已被调换（它原本排在第 ${Number(target.seq)} 条之后）。`,
    };
  }
  if (target && Number(target.seq) < seq - 1) {
    return {
      kind: 'deleted',
      seq,
      message: `第 ${seq} 条审计记录之前有记录被删除，其后的序号被改动过。`,
    };
  }
  if (rowIntact && seq > 1) {
    // This event is as written; its predecessor was rewritten (hash recomputed to hide it).
    return {
      kind: 'edited',
      seq: seq - 1,
      message: `第 ${seq - 1} 条审计记录的内容已被改动（其后一条记录的前序哈希与之不符）。`,
    };
  }
  if (!rowIntact) {
    return {
      kind: 'deleted',
      seq,
      message: `第 ${seq} 条审计记录之前有记录被删除或插入，其后的序号被改动过。`,
    };
  }
  return { kind: 'edited', seq, message: `第 ${seq} 条审计记录的前序哈希已被改动。` };
}

/** Every chain that has events or a head. */
export async function listChainIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_heads').select('chain_id').orderBy('chain_id').execute();
  return rows.map((r) => r.chain_id);
}
