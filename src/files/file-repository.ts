// SQL for the `files` table: the metadata of stored files. The bytes are in a BlobStorage.
import type { Kysely } from 'kysely';
import type { Database, FileRow } from '../db/schema.js';

type Q = Kysely<Database>;

export interface StoredFile {
  id: string;
  /** As the uploader named it (cleaned); metadata only, never a path. */
  filename: string;
  /** Detected from the bytes, not declared by the uploader. */
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string | null;
  createdAt: string;
}

function toStoredFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function insertFile(db: Q, file: StoredFile): Promise<void> {
  await db
    .insertInto('files')
    .values({
      id: file.id,
      filename: file.filename,
      content_type: file.contentType,
      size: file.size,
      sha256: file.sha256,
      created_by: file.createdBy,
      created_at: file.createdAt,
    })
    .execute();
}

export async function findFile(db: Q, id: string): Promise<StoredFile | null> {
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStoredFile(row) : null;
}

export async function deleteFile(db: Q, id: string): Promise<boolean> {
  const r = await db.deleteFrom('files').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Which of `ids` have a row. */
export async function existingFileIds(db: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('files').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
