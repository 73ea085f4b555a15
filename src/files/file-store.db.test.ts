import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { insertTestAccount } from '../../test/support/accounts.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { scheduleJob } from '../jobs/job-queue.js';
import { localBlobStorage, type BlobStorage } from './blob-storage.js';
import {
  createFileStore,
  FileRejectedError,
  StoredFileCorruptError,
  type FileStore,
} from './file-store.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

/** Every file under `dir`, relative to it (none when the folder was never created). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

describe(`file store (${testDialect})`, () => {
  let db: TestDb;
  let dir: string;
  let blobs: BlobStorage;
  let store: FileStore;
  const clock = fixedClock('2025-05-06T03:00:00.000Z');
  const accountId = 'acct-files-test';

  before(async () => {
    db = await createTestDb();
    await insertTestAccount(db, accountId);
  });
  after(() => db.destroy());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-files-'));
    blobs = localBlobStorage(join(dir, 'store'));
    store = createFileStore({ db, clock, blobs, log: () => {} });
    await db.kysely.deleteFrom('files').execute();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rows = () => db.kysely.selectFrom('files').selectAll().execute();

  test('a stored file: random id as its name, the metadata in its row, the bytes back unchanged', async () => {
    const file = await store.put(PDF, { filename: '..\\..\\答复书.pdf', createdBy: accountId });
    assert.match(file.id, /^[0-9a-f]{32}$/);
    assert.deepEqual(await rows(), [
      {
        id: file.id,
        filename: '答复书.pdf',
        content_type: 'application/pdf',
        size: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        created_by: accountId,
        created_at: '2025-05-06T03:00:00.000Z',
      },
    ]);
    assert.deepEqual(filesUnder(join(dir, 'store')), [
      join('objects', file.id.slice(0, 2), file.id),
    ]);
    const got = await store.get(file.id);
    assert.deepEqual(got?.file, file);
    assert.deepEqual(got?.bytes, PDF);
  });

  test('a file refused by its content or size leaves no file and no row', async () => {
    await assert.rejects(
      store.put(PNG, { filename: '答复书.pdf', createdBy: accountId }),
      (e: unknown) => e instanceof FileRejectedError && e.reason === 'mismatch',
    );
    await assert.rejects(
      store.put(EXE, { filename: 'setup.txt', createdBy: accountId }),
      (e: unknown) => e instanceof FileRejectedError && e.reason === 'type',
    );
    await assert.rejects(
      store.put(PDF, {
        filename: 'big.pdf',
        createdBy: accountId,
        limits: { maxBytes: PDF.length - 1, accept: ['pdf'] },
      }),
      (e: unknown) =>
        e instanceof FileRejectedError && e.reason === 'too_large' && /超过/.test(e.message),
    );
    assert.deepEqual(await rows(), []);
    assert.deepEqual(filesUnder(dir), []);
  });

  test('a put whose transaction rolls back leaves no file and no row', async () => {
    let staged: string[] = [];
    await assert.rejects(
      store.transaction(async (files) => {
        await files.put(PDF, { filename: 'a.pdf', createdBy: accountId });
        await files.put(PNG, { filename: 'b.png', createdBy: accountId });
        staged = filesUnder(dir);
        throw new Error('the record that refers to them fails');
      }),
      /the record that refers to them fails/,
    );
    assert.equal(staged.length, 2, 'both were written before the rollback');
    assert.deepEqual(await rows(), []);
    assert.deepEqual(filesUnder(dir), []);
  });

  test('a failure between writing the bytes and inserting the row leaves nothing', async () => {
    // The row cannot be inserted: the account does not exist (foreign key).
    await assert.rejects(store.put(PDF, { filename: 'a.pdf', createdBy: 'no-such-account' }));
    assert.deepEqual(await rows(), []);
    assert.deepEqual(filesUnder(dir), []);
  });

  test('rows written in the same transaction commit together with the file', async () => {
    const { fileId, jobId } = await store.transaction(async (files) => {
      const f = await files.put(PNG, { filename: '照片.png', createdBy: null });
      const job = await scheduleJob(
        files.trx,
        { type: 'test.file', payload: { file: f.id } },
        clock,
      );
      return { fileId: f.id, jobId: job };
    });
    assert.deepEqual((await store.get(fileId))?.bytes, PNG);
    const job = await db.kysely
      .selectFrom('jobs')
      .select('payload_json')
      .where('id', '=', jobId!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(job.payload_json), { file: fileId });
    await db.kysely.deleteFrom('jobs').execute();
  });

  test('a promote lost after the commit is finished by the next read, or by the sweep', async () => {
    let failPromote = true;
    const flaky: BlobStorage = {
      ...blobs,
      promote: (id) => (failPromote ? Promise.reject(new Error('disk full')) : blobs.promote(id)),
    };
    const s = createFileStore({ db, clock, blobs: flaky, log: () => {} });
    const first = await s.put(PDF, { filename: 'a.pdf', createdBy: null });
    const second = await s.put(PNG, { filename: 'b.png', createdBy: null });
    assert.deepEqual(
      filesUnder(join(dir, 'store')).sort(),
      [join('staging', first.id), join('staging', second.id)].sort(),
    );
    failPromote = false;
    assert.deepEqual((await s.get(first.id))?.bytes, PDF);

    // Bytes staged by a transaction that never committed (the process died).
    const orphan = 'ab'.repeat(16);
    await blobs.stage(orphan, PDF);
    // Not yet: a transaction may still be open.
    assert.deepEqual(await s.sweep(new Date()), { promoted: 0, discarded: 0 });
    const later = new Date(Date.now() + 2 * 60 * 60_000);
    assert.deepEqual(await s.sweep(later), { promoted: 1, discarded: 1 });
    assert.deepEqual(
      filesUnder(join(dir, 'store')).sort(),
      [
        join('objects', first.id.slice(0, 2), first.id),
        join('objects', second.id.slice(0, 2), second.id),
      ].sort(),
    );
    assert.deepEqual((await s.get(second.id))?.bytes, PNG);
  });

  test('delete removes the row and the bytes; unknown or malformed ids are simply absent', async () => {
    const f = await store.put(PDF, { filename: 'a.pdf', createdBy: null });
    assert.equal(await store.delete(f.id), true);
    assert.deepEqual(await rows(), []);
    assert.deepEqual(filesUnder(dir), []);
    assert.equal(await store.delete(f.id), false);
    assert.equal(await store.get(f.id), null);
    assert.equal(await store.get('../../etc/passwd'), null);
  });

  test('bytes changed on disk are reported, not served', async () => {
    const f = await store.put(PDF, { filename: 'a.pdf', createdBy: null });
    writeFileSync(join(dir, 'store', 'objects', f.id.slice(0, 2), f.id), 'tampered');
    await assert.rejects(store.get(f.id), StoredFileCorruptError);
  });
});
