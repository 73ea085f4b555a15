// Where the bytes of stored files live. The file store (file-store.ts) keeps the metadata in
// the `files` table and uses a BlobStorage for the bytes, in two steps: stage (write under a
// temporary name) before the row is inserted, promote (make it the stored object) once the
// row has committed. So a failure at any point leaves either nothing, or a staged object
// that the purge job resolves by whether its row exists.
//
// The local folder is the default. An S3-compatible store implements the same interface
// (stage = PutObject under `staging/<id>`, promote = CopyObject to `objects/<id>` then
// DeleteObject, listStaged = ListObjectsV2 on `staging/` with LastModified); it is not
// built in, so the platform carries no cloud SDK. See docs/decisions/0013-jobs-and-files.md.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface BlobStorage {
  /** Where the bytes are, for logs. */
  readonly describe: string;
  /** Writes `bytes` under a temporary name for `id`; read() does not see them yet. */
  stage(id: string, bytes: Uint8Array): Promise<void>;
  /** Makes the staged bytes of `id` its stored object. A no-op when already promoted. */
  promote(id: string): Promise<void>;
  /** Removes the staged bytes of `id`, if any. */
  discard(id: string): Promise<void>;
  /** The stored object's bytes, or null when there is none. */
  read(id: string): Promise<Uint8Array | null>;
  /** Removes the stored object of `id`, if any. */
  remove(id: string): Promise<void>;
  /** Ids staged before `before` that are still staged (left by a crash or a lost promote). */
  listStaged(before: Date): Promise<string[]>;
}

/** Ids are made by the store (128 random bits, hex): nothing else can name a path. */
export const BLOB_ID = /^[0-9a-f]{32}$/;

function checkId(id: string): string {
  if (!BLOB_ID.test(id)) throw new RangeError(`not a stored file id: ${JSON.stringify(id)}`);
  return id;
}

function isMissing(e: unknown): boolean {
  return (e as { code?: unknown }).code === 'ENOENT';
}

/**
 * `<dir>/objects/<first two hex digits>/<id>` and `<dir>/staging/<id>`: both under one
 * folder, so promoting is a rename on the same file system (atomic). The folder is created
 * on the first write; nothing reads it before then.
 */
export function localBlobStorage(dir: string): BlobStorage {
  const root = resolve(dir);
  const staging = join(root, 'staging');
  const staged = (id: string) => join(staging, checkId(id));
  const objectDir = (id: string) => join(root, 'objects', checkId(id).slice(0, 2));
  const object = (id: string) => join(objectDir(id), id);

  return {
    describe: root,

    async stage(id, bytes) {
      await mkdir(staging, { recursive: true, mode: 0o700 });
      // 'wx': never overwrite; the data reaches the disk before the row that points to it.
      const handle = await open(staged(id), 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },

    async promote(id) {
      await mkdir(objectDir(id), { recursive: true, mode: 0o700 });
      try {
        await rename(staged(id), object(id));
      } catch (e) {
        // Promoted already (by the purge job, or a reader that got there first).
        if (isMissing(e) && (await stat(object(id)).catch(() => null))) return;
        throw e;
      }
    },

    async discard(id) {
      await rm(staged(id), { force: true });
    },

    async read(id) {
      try {
        return new Uint8Array(await readFile(object(id)));
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },

    async remove(id) {
      await rm(object(id), { force: true });
    },

    async listStaged(before) {
      let names: string[];
      try {
        names = await readdir(staging);
      } catch (e) {
        if (isMissing(e)) return [];
        throw e;
      }
      const old: string[] = [];
      for (const name of names) {
        if (!BLOB_ID.test(name)) continue;
        const s = await stat(join(staging, name)).catch(() => null);
        if (s && s.mtime < before) old.push(name);
      }
      return old;
    },
  };
}
