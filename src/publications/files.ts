// The file store attachments go to: the platform's one store (src/files), in the folder the
// configuration names. Made once per configuration, on first use, so that a process that
// never touches an attachment never opens the folder.
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore, type FileStore } from '../files/file-store.js';
import type { FileLimits } from '../files/upload-check.js';
import type { AppDeps } from '../web/env.js';

const MB = 1024 * 1024;

/** What an attachment may be: PDF, Word, Excel or an image, at most 20 MB (checked before storing). */
export const ATTACHMENT_LIMITS: FileLimits = {
  maxBytes: 20 * MB,
  accept: ['pdf', 'docx', 'xlsx', 'png', 'jpeg'],
};

/** At most this many files in one upload. */
export const MAX_FILES_PER_UPLOAD = 10;

const stores = new WeakMap<AppDeps, FileStore>();

export function attachmentStore(deps: AppDeps): FileStore {
  let store = stores.get(deps);
  if (!store) {
    store = createFileStore({
      db: deps.db,
      clock: deps.clock,
      blobs: localBlobStorage(deps.config.fileStoreDir),
    });
    stores.set(deps, store);
  }
  return store;
}

/** 「1.2 MB」, 「35 KB」: sizes as the attachment list shows them. */
export function sizeLabel(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
