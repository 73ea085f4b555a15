import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { auditEventHash } from './audit-hash.js';
import { appendAuditEvent, type AuditInput } from './audit-log.js';
import { listAuditEvents } from './audit-repository.js';
import { verifyAuditChain } from './audit-verify.js';

const clock = fixedClock('2024-09-27T08:00:00.000Z');

function input(n: number, agencyId: string | null = 'agency-a'): AuditInput {
  return {
    agencyId,
    actor: { id: 'acc-1', label: '演示承办人（lsw-handler）' },
    subjectType: 'request',
    subjectId: `req-${n}`,
    action: 'request.update',
    before: { status: 'received', n },
    after: { status: 'accepted', n, note: '中文内容' },
  };
}

async function withChain(count: number, fn: (db: TestDb) => Promise<void>) {
  const db = await createTestDb();
  try {
    for (let i = 1; i <= count; i++) {
      await db.kysely.transaction().execute((trx) => appendAuditEvent(trx, input(i), clock));
      clock.advance(1000);
    }
    await fn(db);
  } finally {
    await db.destroy();
  }
}

test(`events chain by hash per agency and verify (${testDialect})`, async () => {
  await withChain(5, async (db) => {
    await db.kysely.transaction().execute((trx) => appendAuditEvent(trx, input(1, null), clock));
    const rows = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', 'agency-a')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => Number(r.seq)),
      [1, 2, 3, 4, 5],
    );
    assert.equal(rows[0]?.prev_hash, '0'.repeat(64));
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]?.prev_hash, rows[i - 1]?.hash);
    for (const r of rows) assert.equal(auditEventHash(r), r.hash);
    // before/after stored as canonical JSON (sorted keys)
    assert.equal(rows[0]?.after_json, '{"n":1,"note":"中文内容","status":"accepted"}');
    const system = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', 'system')
      .execute();
    assert.equal(system.length, 1);
    assert.deepEqual(await verifyAuditChain(db.kysely, 'agency-a'), {
      chainId: 'agency-a',
      ok: true,
      checked: 5,
      problem: null,
    });
    assert.equal((await verifyAuditChain(db.kysely, 'system')).ok, true);
  });
});

test(`an event rolled back with its transaction leaves no trace (${testDialect})`, async () => {
  await withChain(2, async (db) => {
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, input(3), clock);
        throw new Error('the change failed');
      }),
    );
    await db.kysely.transaction().execute((trx) => appendAuditEvent(trx, input(4), clock));
    const seqs = await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('chain_id', '=', 'agency-a')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      seqs.map((r) => Number(r.seq)),
      [1, 2, 3],
    );
    assert.equal((await verifyAuditChain(db.kysely, 'agency-a')).ok, true);
  });
});

test(`concurrent appends do not fork the chain (${testDialect})`, async () => {
  await withChain(1, async (db) => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.kysely.transaction().execute((trx) => appendAuditEvent(trx, input(10 + i), clock)),
      ),
    );
    const seqs = await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('chain_id', '=', 'agency-a')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      seqs.map((r) => Number(r.seq)),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal((await verifyAuditChain(db.kysely, 'agency-a')).ok, true);
  });
});

test(`an edited event is detected and named (${testDialect})`, async () => {
  await withChain(5, async (db) => {
    await db.kysely
      .updateTable('audit_events')
      .set({ after_json: '{"status":"refused"}' })
      .where('chain_id', '=', 'agency-a')
      .where('seq', '=', 3)
      .execute();
    const v = await verifyAuditChain(db.kysely, 'agency-a');
    assert.equal(v.ok, false);
    assert.equal(v.problem?.kind, 'edited');
    assert.equal(v.problem?.seq, 3);
    assert.match(v.problem?.message ?? '', /第 3 条审计记录的内容已被改动/);
  });
});

test(`an edited event whose hash was recomputed is still detected (${testDialect})`, async () => {
  await withChain(5, async (db) => {
    const row = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', 'agency-a')
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const forged = { ...row, actor_label: '他人' };
    await db.kysely
      .updateTable('audit_events')
      .set({ actor_label: '他人', hash: auditEventHash(forged) })
      .where('chain_id', '=', 'agency-a')
      .where('seq', '=', 2)
      .execute();
    const v = await verifyAuditChain(db.kysely, 'agency-a');
    assert.deepEqual([v.ok, v.problem?.kind, v.problem?.seq], [false, 'edited', 2]);
  });
});

test(`a deleted event is detected, in the middle and at the end (${testDialect})`, async () => {
  await withChain(5, async (db) => {
    await db.kysely
      .deleteFrom('audit_events')
      .where('chain_id', '=', 'agency-a')
      .where('seq', '=', 2)
      .execute();
    const v = await verifyAuditChain(db.kysely, 'agency-a');
    assert.deepEqual([v.ok, v.problem?.kind, v.problem?.seq], [false, 'deleted', 2]);
    assert.match(v.problem?.message ?? '', /第 2 条已被删除/);
  });
  await withChain(5, async (db) => {
    await db.kysely
      .deleteFrom('audit_events')
      .where('chain_id', '=', 'agency-a')
      .where('seq', '>=', 4)
      .execute();
    const v = await verifyAuditChain(db.kysely, 'agency-a');
    assert.deepEqual([v.ok, v.problem?.kind, v.problem?.seq], [false, 'deleted', 4]);
    assert.match(v.problem?.message ?? '', /第 4–5 条（链尾）已被删除/);
  });
});

test(`a deleted event hidden by renumbering is detected (${testDialect})`, async () => {
  await withChain(4, async (db) => {
    await db.kysely
      .deleteFrom('audit_events')
      .where('chain_id', '=', 'agency-a')
      .where('seq', '=', 2)
      .execute();
    for (const s of [3, 4]) {
      await db.kysely
        .updateTable('audit_events')
        .set({ seq: s - 1 })
        .where('chain_id', '=', 'agency-a')
        .where('seq', '=', s)
        .execute();
    }
    await db.kysely
      .updateTable('audit_heads')
      .set({ seq: 3 })
      .where('chain_id', '=', 'agency-a')
      .execute();
    const v = await verifyAuditChain(db.kysely, 'agency-a');
    assert.deepEqual([v.ok, v.problem?.kind, v.problem?.seq], [false, 'deleted', 2]);
  });
});

test(`reordered events are detected (${testDialect})`, async () => {
  await withChain(5, async (db) => {
    // Swap the places of events 3 and 4.
    const q = db.kysely.updateTable('audit_events').where('chain_id', '=', 'agency-a');
    await q.set({ seq: 99 }).where('seq', '=', 3).execute();
    await q.set({ seq: 3 }).where('seq', '=', 4).execute();
    await q.set({ seq: 4 }).where('seq', '=', 99).execute();
    const v = await verifyAuditChain(db.kysely, 'agency-a');
    assert.deepEqual([v.ok, v.problem?.kind, v.problem?.seq], [false, 'reordered', 3]);
    assert.match(v.problem?.message ?? '', /顺序已被调换/);
  });
});

test(`events list newest first, paged and filtered by subject (${testDialect})`, async () => {
  await withChain(5, async (db) => {
    const page1 = await listAuditEvents(db.kysely, { chainId: 'agency-a', page: 1, pageSize: 2 });
    assert.equal(page1.total, 5);
    assert.deepEqual(
      page1.events.map((e) => e.seq),
      [5, 4],
    );
    const page3 = await listAuditEvents(db.kysely, { chainId: 'agency-a', page: 3, pageSize: 2 });
    assert.deepEqual(
      page3.events.map((e) => e.seq),
      [1],
    );
    const one = await listAuditEvents(db.kysely, {
      chainId: 'agency-a',
      subjectType: 'request',
      subjectId: 'req-2',
      page: 1,
      pageSize: 20,
    });
    assert.deepEqual(
      one.events.map((e) => e.seq),
      [2],
    );
    assert.deepEqual(one.events[0]?.after, { n: 2, note: '中文内容', status: 'accepted' });
  });
});

test(`an event appended while a chain is verified is not taken for one inserted (${testDialect})`, async () => {
  await withChain(3, async (db) => {
    // Asked together: the append's transaction comes between the verifier's statements unless
    // the verifier reads the head and the events in one snapshot.
    const [verified] = await Promise.all([
      verifyAuditChain(db.kysely, 'agency-a'),
      db.kysely.transaction().execute((trx) => appendAuditEvent(trx, input(4), clock)),
    ]);
    assert.equal(verified.ok, true, verified.problem?.message);
    assert.equal((await verifyAuditChain(db.kysely, 'agency-a')).checked, 4);
  });
});
