// The file store for uploads and generated documents. A file is checked (size, kind by its
// bytes) before anything is written; its bytes are staged, its row inserted in the caller's
// transaction, and the staged bytes promoted only after that transaction commits — or
// discarded when it rolls back. Ids are random; the uploader's file name is metadata.
// See docs/decisions/0013-jobs-and-files.md.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../db/time.js';
import { BLOB_ID, type BlobStorage } from './blob-storage.js';
import {
  deleteFile,
  existingFileIds,
  findFile,
  insertFile,
  type StoredFile,
} from './file-repository.js';
import {
  checkUpload,
  DEFAULT_FILE_LIMITS,
  type FileLimits,
  type RejectionReason,
} from './upload-check.js';

export type { StoredFile } from './file-repository.js';

/** A file refused before anything was stored; the message says what to do. */
export class FileRejectedError extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
  }
}

export interface PutFileMeta {
  /** The name the uploader gave (or the document's name): kept, cleaned, as metadata. */
  filename: string;
  /** The account that stored it; null for documents the system made. */
  createdBy: string | null;
  /** Size and kinds accepted for this use (default: 30 MB, every supported kind). */
  limits?: FileLimits;
}

/** File operations that belong to one database transaction. */
export interface FileTransaction {
  /** The transaction: write the rows that refer to the files (and their audit events) here. */
  readonly trx: Kysely<Database>;
  /** Checks and stores a file; readable once the transaction has committed. */
  put(bytes: Uint8Array, meta: PutFileMeta): Promise<StoredFile>;
  /** Deletes a file's row now and its bytes after the commit. False when there was none. */
  delete(id: string): Promise<boolean>;
}

export interface FileStore {
  /** Runs `fn` in one transaction; files put in it exist if and only if it commits. */
  transaction<T>(fn: (files: FileTransaction) => Promise<T>): Promise<T>;
  /**
   * File operations inside a transaction the caller runs (a runCommand change, say): the
   * bytes are staged and the row inserted in `trx`. The store cannot see that commit, so
   * the bytes are promoted on the first get() after it, and the purge job's sweep promotes
   * or discards whatever stays staged (a rolled-back transaction leaves staged bytes with no
   * row: discarded after the grace period). Prefer transaction() when you own the transaction.
   */
  within(trx: Kysely<Database>): Pick<FileTransaction, 'trx' | 'put'>;
  /** put() in a transaction of its own. */
  put(bytes: Uint8Array, meta: PutFileMeta): Promise<StoredFile>;
  get(id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | null>;
  delete(id: string): Promise<boolean>;
  /**
   * Resolves what a crash left staged for longer than an hour: promoted when its row
   * committed, discarded when it has none (run by the purge job).
   */
  sweep(now: Date): Promise<{ promoted: number; discarded: number }>;
}

/** Staged bytes younger than this may belong to a transaction still open. */
export const STAGED_GRACE_MS = 60 * 60_000;

export class StoredFileCorruptError extends Error {}

export function createFileStore(deps: {
  db: Db;
  clock: Clock;
  blobs: BlobStorage;
  log?: (message: string) => void;
}): FileStore {
  const { db, clock, blobs } = deps;
  const log = deps.log ?? ((m: string) => console.error(m));

  /** Checks `bytes`, stages them and inserts their row in `trx`; `staged` learns the id. */
  async function stageAndInsert(
    trx: Kysely<Database>,
    bytes: Uint8Array,
    meta: PutFileMeta,
    staged: string[],
  ): Promise<StoredFile> {
    const check = checkUpload(bytes, meta.filename, meta.limits ?? DEFAULT_FILE_LIMITS);
    if (!check.ok) throw new FileRejectedError(check.reason, check.message);
    const file: StoredFile = {
      id: randomBytes(16).toString('hex'),
      filename: check.filename,
      contentType: check.detected.contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdBy: meta.createdBy,
      createdAt: clock.now().toISOString(),
    };
    staged.push(file.id);
    await blobs.stage(file.id, bytes);
    await insertFile(trx, file);
    return file;
  }

  async function transaction<T>(fn: (files: FileTransaction) => Promise<T>): Promise<T> {
    const staged: string[] = [];
    const removed: string[] = [];
    let result: T;
    try {
      result = await db.kysely.transaction().execute((trx) =>
        fn({
          trx,
          put: (bytes, meta) => stageAndInsert(trx, bytes, meta, staged),
          async delete(id) {
            if (!BLOB_ID.test(id)) return false;
            const existed = await deleteFile(trx, id);
            if (existed) removed.push(id);
            return existed;
          },
        }),
      );
    } catch (e) {
      // Rolled back (or never began): nothing staged may stay behind.
      for (const id of staged) await blobs.discard(id).catch(() => {});
      throw e;
    }
    // Committed. A promote that fails here leaves the bytes staged with their row: get()
    // and the purge job's sweep promote them later, so the commit still holds.
    for (const id of staged) {
      await blobs.promote(id).catch((e: unknown) => {
        log(`文件 ${id} 已登记但未能移入存储目录（稍后自动重试）：${String(e)}`);
      });
    }
    for (const id of removed) {
      await blobs.remove(id).catch((e: unknown) => {
        log(`文件 ${id} 已删除登记，但未能删除存储的内容：${String(e)}`);
      });
    }
    return result;
  }

  return {
    transaction,

    within: (trx) => ({ trx, put: (bytes, meta) => stageAndInsert(trx, bytes, meta, []) }),

    put: (bytes, meta) => transaction((files) => files.put(bytes, meta)),

    async get(id) {
      if (!BLOB_ID.test(id)) return null;
      const file = await findFile(db.kysely, id);
      if (!file) return null;
      let bytes = await blobs.read(id);
      if (!bytes) {
        // The row committed but the promote did not happen (yet): finish it now.
        await blobs.promote(id).catch(() => {});
        bytes = await blobs.read(id);
      }
      if (!bytes) throw new StoredFileCorruptError(`文件 ${id} 已登记，但存储目录中找不到它的内容`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== file.sha256)
        throw new StoredFileCorruptError(`文件 ${id} 的内容与登记的校验值不符，可能已损坏`);
      return { file, bytes };
    },

    delete: (id) => transaction((files) => files.delete(id)),

    async sweep(now) {
      const ids = await blobs.listStaged(new Date(now.getTime() - STAGED_GRACE_MS));
      let promoted = 0;
      let discarded = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const registered = await existingFileIds(db.kysely, chunk);
        for (const id of chunk) {
          if (registered.has(id)) {
            await blobs.promote(id);
            promoted++;
          } else {
            await blobs.discard(id);
            discarded++;
          }
        }
      }
      return { promoted, discarded };
    },
  };
}
