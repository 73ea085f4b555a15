// The demo with the file store: its open cases reach their stages through the real steps,
// with the letters those steps issue; one of them stays overdue.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore } from '../files/file-store.js';
import { letterFile, lettersOf } from '../letters/issue.js';

test(`the open demo cases sit at every stage, with their letters (${testDialect})`, async () => {
  const clock = fixedClock('2026-12-01T02:00:00.000Z');
  const db = await createTestDb();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-stages-'));
  try {
    const files = createFileStore({ db, clock, blobs: localBlobStorage(dir) });
    const deps = { db, clock, files, passwordParams: { N: 2 ** 10, r: 8, p: 1 } };
    await seedDemo(deps);
    const rows = await db.kysely
      .selectFrom('requests')
      .select(['id', 'tracking_number', 'state', 'extended', 'due_on'])
      .where('tracking_number', 'like', 'GK-DEM0-2026-%')
      .orderBy('tracking_number')
      .execute();
    const stage = Object.fromEntries(
      rows.map((r) => [r.tracking_number.slice(-2), [r.state, Number(r.extended)]]),
    );
    assert.deepEqual(stage, {
      '51': ['submitted', 0],
      '52': ['registered', 0],
      '53': ['correction_requested', 0],
      '54': ['in_progress', 0],
      '55': ['in_progress', 0],
      '56': ['consulting', 0],
      '57': ['in_progress', 1],
      '58': ['reply_drafted', 0],
    });
    const letters = async (n: string) => {
      const id = rows.find((r) => r.tracking_number.endsWith(n))!.id;
      return (await lettersOf(db.kysely, { type: 'request', id })).map((l) => l.name);
    };
    assert.deepEqual(await letters('53'), ['补正告知书']);
    assert.deepEqual(await letters('56'), ['征求第三方意见书', '征求意见告知书']);
    assert.deepEqual(await letters('57'), ['延期答复告知书']);
    // The letters' files are stored and read back as issued.
    const one = await db.kysely.selectFrom('issued_letters').select('id').executeTakeFirstOrThrow();
    const docx = await letterFile(db.kysely, files, one.id, 'docx');
    assert.ok(docx && docx.bytes.length > 0);
    const overdue = rows.find((r) => r.tracking_number.endsWith('55'))!;
    assert.ok(overdue.due_on! < '2026-12-01', 'one case is overdue');
    // Seeding again leaves the agency's cases alone.
    await seedDemo(deps);
    const count = await db.kysely
      .selectFrom('issued_letters')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 4);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
