// `gongkai backup FILE`: a consistent copy of the platform while it runs.
//
// Embedded database: SQLite's online backup (better-sqlite3's backup()), which copies a
// consistent snapshot while the server keeps writing (WAL readers never block it). The file
// store is then read against the snapshot's `files` rows: every file the snapshot refers to
// goes in, with its hash checked; files stored after the snapshot are not referred to and
// are left out; stored files are never changed in place, so nothing else can differ.
// PostgreSQL: its own tools copy the database (pg_dump, or a standby); the archive holds the
// files and the manifest to check a restore against. See docs/decisions/0028-reliability-proofs.md.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { exportHeads } from '../audit/audit-heads.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { BlobStorage } from '../files/blob-storage.js';
import { ArchiveWriter } from './archive.js';
import {
  countTables,
  type BackupManifest,
  BACKUP_FORMAT,
  MANIFEST_ENTRY,
  DATABASE_ENTRY,
} from './manifest.js';

export interface BackupResult {
  manifest: BackupManifest;
  /** Files the snapshot refers to whose bytes were gone (deleted since): listed, not fatal. */
  missingFiles: string[];
}

export async function backup(
  deps: { db: Db; databaseUrl: string; blobs: BlobStorage; now: Date },
  archivePath: string,
): Promise<BackupResult> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  let snapshot: Db | null = null;
  try {
    // What the manifest lists is read from one moment: the SQLite snapshot, or on PostgreSQL
    // one repeatable-read transaction (separate statements under a live write load would
    // count rows and list files at different moments).
    const read = async (from: Db) => {
      const files = await from.kysely
        .selectFrom('files')
        .select(['id', 'sha256', 'size'])
        .orderBy('id')
        .execute();
      return {
        files,
        tables: await countTables(from),
        heads: await exportHeads(from.kysely, deps.now),
      };
    };
    let state: Awaited<ReturnType<typeof read>>;
    if (deps.db.dialect === 'sqlite') {
      const snapshotPath = join(work, 'snapshot.sqlite');
      await snapshotSqlite(sqlitePath(deps.databaseUrl), snapshotPath);
      snapshot = openSnapshot(snapshotPath);
      state = await read(snapshot);
    } else {
      state = await deps.db.kysely
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => read({ ...deps.db, kysely: trx }));
    }
    const { files } = state;
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: deps.now.toISOString(),
      dialect: deps.db.dialect,
      tables: state.tables,
      files: files.map((f) => ({ id: f.id, sha256: f.sha256, size: Number(f.size) })),
      auditHeads: state.heads,
    };
    const out = new ArchiveWriter(archivePath);
    const missingFiles: string[] = [];
    try {
      out.addBytes(
        MANIFEST_ENTRY,
        new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
        true,
      );
      if (snapshot) {
        await snapshot.close();
        snapshot = null;
        out.addFile(DATABASE_ENTRY, join(work, 'snapshot.sqlite'), true);
      }
      for (const f of files) {
        let bytes = await deps.blobs.read(f.id);
        if (!bytes) {
          // Committed but not yet promoted (a crash between the two): promote, as get() does.
          await deps.blobs.promote(f.id).catch(() => {});
          bytes = await deps.blobs.read(f.id);
        }
        if (!bytes) {
          missingFiles.push(f.id);
          continue;
        }
        if (createHash('sha256').update(bytes).digest('hex') !== f.sha256)
          throw new Error(`文件 ${f.id} 的内容与登记的校验值不符（已损坏），备份中止。`);
        out.addBytes(`files/${f.id}`, bytes, false);
      }
    } finally {
      await out.close();
    }
    return { manifest, missingFiles };
  } finally {
    if (snapshot) await snapshot.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export function sqlitePath(url: string): string {
  return url.slice('sqlite:'.length);
}

/** SQLite's online backup API through a connection of its own. */
async function snapshotSqlite(from: string, to: string): Promise<void> {
  const source = new SQLite(from, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All remaining pages in one step after the first: a writer cannot restart it midway.
    await source.backup(to, { progress: () => 2 ** 30 });
  } finally {
    source.close();
  }
}

export function openSnapshot(path: string): Db {
  const sqlite = new SQLite(path);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', describe: `SQLite ${path}`, close: () => kysely.destroy() };
}
