// Exported heads catch what the chain alone cannot: the newest events cut with the head
// rewound, and a whole chain rewritten consistently. A hand-edited heads file is refused.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { auditEventHash, GENESIS_HASH } from './audit-hash.js';
import { checkAgainstHeads, exportHeads, formatHeads, parseHeads } from './audit-heads.js';
import { appendAuditEvent } from './audit-log.js';
import { verifyAuditChain } from './audit-verify.js';
import { headsFileName, headsJob, HEADS_JOB } from './heads-job.js';

const clock = fixedClock('2026-12-01T08:00:00.000Z');

async function withChain(fn: (db: TestDb) => Promise<void>) {
  const db = await createTestDb();
  try {
    for (let i = 1; i <= 6; i++) {
      await db.kysely.transaction().execute((trx) =>
        appendAuditEvent(
          trx,
          {
            agencyId: 'agency-a',
            actor: { id: null, label: '测试' },
            subjectType: 'request',
            subjectId: `req-${i}`,
            action: 'request.submit',
            after: { n: i },
          },
          clock,
        ),
      );
    }
    await fn(db);
  } finally {
    await db.destroy();
  }
}

async function exported(db: TestDb) {
  const parsed = parseHeads(formatHeads(await exportHeads(db.kysely, clock.now())));
  assert.ok(parsed.ok);
  return parsed.doc;
}

test(`an untouched chain matches its exported heads, and later events are fine (${testDialect})`, async () => {
  await withChain(async (db) => {
    const doc = await exported(db);
    assert.deepEqual(
      doc.heads.map((h) => [h.chainId, h.seq]),
      [['agency-a', 6]],
    );
    await db.kysely.transaction().execute((trx) =>
      appendAuditEvent(
        trx,
        {
          agencyId: 'agency-a',
          actor: { id: null, label: '测试' },
          subjectType: 'request',
          subjectId: 'req-7',
          action: 'request.submit',
        },
        clock,
      ),
    );
    assert.deepEqual(await checkAgainstHeads(db.kysely, doc), []);
  });
});

test(`cutting the newest events and rewinding the head is caught (${testDialect})`, async () => {
  await withChain(async (db) => {
    const doc = await exported(db);
    const keep = await db.kysely
      .selectFrom('audit_events')
      .select('hash')
      .where('chain_id', '=', 'agency-a')
      .where('seq', '=', 4)
      .executeTakeFirstOrThrow();
    await db.kysely.deleteFrom('audit_events').where('seq', '>', 4).execute();
    await db.kysely
      .updateTable('audit_heads')
      .set({ seq: 4, hash: keep.hash })
      .where('chain_id', '=', 'agency-a')
      .execute();
    // The chain alone cannot tell…
    assert.equal((await verifyAuditChain(db.kysely, 'agency-a')).ok, true);
    // …the exported head can.
    const problems = await checkAgainstHeads(db.kysely, doc);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /已有 6 条审计记录，现在只剩 4 条/);
  });
});

test(`a consistent rewrite of the whole chain is caught (${testDialect})`, async () => {
  await withChain(async (db) => {
    const doc = await exported(db);
    const rows = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', 'agency-a')
      .orderBy('seq')
      .execute();
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const forged = { ...r, actor_label: '他人', prev_hash: prev };
      const hash = auditEventHash(forged);
      await db.kysely
        .updateTable('audit_events')
        .set({ actor_label: '他人', prev_hash: prev, hash })
        .where('chain_id', '=', 'agency-a')
        .where('seq', '=', r.seq)
        .execute();
      prev = hash;
    }
    await db.kysely.updateTable('audit_heads').set({ hash: prev }).execute();
    assert.equal((await verifyAuditChain(db.kysely, 'agency-a')).ok, true);
    const problems = await checkAgainstHeads(db.kysely, doc);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /被整体改写过/);
  });
});

test('a heads file edited after export is refused', async () => {
  await withChain(async (db) => {
    const text = formatHeads(await exportHeads(db.kysely, clock.now()));
    const edited = text.replace(/"seq":6/, '"seq":4');
    assert.notEqual(edited, text);
    const parsed = parseHeads(edited);
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? '' : parsed.message, /校验值不符/);
    assert.equal(parseHeads('not json').ok, false);
  });
});

test(`the hourly job writes a dated heads file that verifies (${testDialect})`, async () => {
  await withChain(async (db) => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-heads-'));
    try {
      const job = headsJob({ dir });
      const ctx = {
        db,
        clock,
        signal: new AbortController().signal,
        job: { id: 'j', type: HEADS_JOB, attempt: 1, maxAttempts: 1 },
      };
      const result = (await job.run({}, ctx)) as { written: string };
      assert.equal(result.written, headsFileName(clock.now()));
      assert.deepEqual(readdirSync(dir), [result.written]);
      const parsed = parseHeads(readFileSync(join(dir, result.written), 'utf8'));
      assert.ok(parsed.ok);
      assert.deepEqual(await checkAgainstHeads(db.kysely, parsed.doc), []);
      // Not configured: nothing written, and it says why.
      const off = (await headsJob({ dir: undefined }).run({}, ctx)) as { written: null };
      assert.equal(off.written, null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
