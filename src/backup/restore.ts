// `gongkai restore FILE`: puts a backup back, then proves it is whole — the same rows per
// table as the manifest, every file present with its hash, every audit chain verifying and
// still ending at the heads recorded in the backup. A target that already holds data is
// refused unless `force` is given: a restore replaces, it never merges.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { checkAgainstHeads, type HeadsDocument } from '../audit/audit-heads.js';
import { listChainIds, verifyAuditChain } from '../audit/audit-verify.js';
import type { Db } from '../db/database.js';
import type { BlobStorage } from '../files/blob-storage.js';
import { readArchive, type EntrySink } from './archive.js';
import { sqlitePath } from './backup.js';
import {
  countTables,
  DATABASE_ENTRY,
  FILE_ENTRY,
  MANIFEST_ENTRY,
  manifestSchema,
  type BackupManifest,
} from './manifest.js';

export class RestoreRefused extends Error {}

export interface RestoreTarget {
  dialect: 'sqlite' | 'postgres';
  databaseUrl: string;
  fileStoreDir: string;
  blobs: BlobStorage;
  /** Opens the restored (or, for PostgreSQL, pg_restore'd) database to check it. */
  open(): Db;
}

export interface RestoreReport {
  manifest: BackupManifest;
  files: number;
  /** Empty when the restored platform matches the backup. */
  problems: string[];
}

export function readManifest(archivePath: string): BackupManifest {
  let text: string | null = null;
  const parts: Uint8Array[] = [];
  if (!existsSync(archivePath)) throw new RestoreRefused(`找不到备份文件 ${archivePath}。`);
  try {
    readArchive(archivePath, (name) =>
      name === MANIFEST_ENTRY
        ? {
            write: (c) => parts.push(c),
            end: () => {
              text = Buffer.concat(parts).toString('utf8');
            },
          }
        : null,
    );
  } catch {
    throw new RestoreRefused(`${archivePath} 不是 gongkai backup 生成的备份文件，或已损坏。`);
  }
  if (text === null)
    throw new RestoreRefused(
      `${archivePath} 中没有备份清单（manifest.json），不是 gongkai backup 生成的备份文件。`,
    );
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new RestoreRefused('备份清单格式不对：该文件不是本版本 gongkai backup 生成的。');
  return parsed.data as unknown as BackupManifest;
}

function hasObjects(fileStoreDir: string): boolean {
  const objects = join(resolve(fileStoreDir), 'objects');
  return existsSync(objects) && readdirSync(objects).length > 0;
}

export async function restore(
  target: RestoreTarget,
  archivePath: string,
  options: { force: boolean; targetHasData: boolean },
): Promise<RestoreReport> {
  const manifest = readManifest(archivePath);
  if (manifest.dialect !== target.dialect)
    throw new RestoreRefused(
      manifest.dialect === 'sqlite'
        ? '该备份来自内置数据库（SQLite），当前 DATABASE_URL 指向 PostgreSQL，不能直接恢复。'
        : '该备份来自 PostgreSQL（数据库部分用 pg_dump 另行备份），当前 DATABASE_URL 指向内置数据库，不能恢复。',
    );
  if (!options.force && target.dialect === 'sqlite' && options.targetHasData)
    throw new RestoreRefused(
      '目标数据库中已有数据，恢复会覆盖它。确认要覆盖时请加 --force（并先停止正在运行的 gongkai serve）。',
    );
  if (!options.force && hasObjects(target.fileStoreDir))
    throw new RestoreRefused(
      `文件存储目录 ${target.fileStoreDir} 中已有文件，恢复会覆盖它们。确认要覆盖时请加 --force。`,
    );

  const work = mkdtempSync(join(tmpdir(), 'gongkai-restore-'));
  const dbPath = target.dialect === 'sqlite' ? resolve(sqlitePath(target.databaseUrl)) : null;
  const partial = dbPath ? `${dbPath}.restoring` : null;
  const expected = new Map(manifest.files.map((f) => [f.id, f]));
  const unpacked: string[] = [];
  try {
    if (partial) rmSync(partial, { force: true });
    readArchive(archivePath, (name): EntrySink | null => {
      if (name === DATABASE_ENTRY && partial) return fileSink(partial);
      const m = FILE_ENTRY.exec(name);
      // Only ids the manifest lists become files; any other name is ignored, never a path.
      if (!m || !expected.has(m[1]!)) return null;
      unpacked.push(m[1]!);
      return fileSink(join(work, m[1]!));
    });
    if (partial && dbPath) {
      if (!existsSync(partial)) throw new RestoreRefused('备份文件中缺少数据库，无法恢复。');
      // The old database's write-ahead log must not be replayed onto the restored one.
      rmSync(`${dbPath}-wal`, { force: true });
      rmSync(`${dbPath}-shm`, { force: true });
      renameSync(partial, dbPath);
    }
    for (const id of unpacked) {
      const bytes = new Uint8Array(readFileSync(join(work, id)));
      await target.blobs.remove(id);
      await target.blobs.discard(id);
      await target.blobs.stage(id, bytes);
      await target.blobs.promote(id);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (partial) rmSync(partial, { force: true });
  }
  const problems = await checkRestored(target, manifest);
  return { manifest, files: unpacked.length, problems };
}

function fileSink(path: string): EntrySink {
  const fd = openSync(path, 'wx', 0o600);
  return {
    write: (chunk) => {
      writeSync(fd, chunk);
    },
    end: () => closeSync(fd),
  };
}

/** The restored platform against the manifest: counts, files, audit chains and heads. */
export async function checkRestored(
  target: RestoreTarget,
  manifest: BackupManifest,
): Promise<string[]> {
  const problems: string[] = [];
  const db = target.open();
  try {
    const counts = await countTables(db);
    for (const [table, n] of Object.entries(manifest.tables)) {
      // pg_dump runs beside `gongkai backup`, a little later: it may hold more rows, not fewer.
      const have = counts[table] ?? 0;
      if (target.dialect === 'sqlite' ? have !== n : have < n)
        problems.push(`表 ${table}：备份时 ${n} 行，恢复后 ${counts[table] ?? 0} 行。`);
    }
    for (const f of manifest.files) {
      const bytes = await target.blobs.read(f.id);
      if (!bytes) problems.push(`文件 ${f.id} 未能恢复。`);
      else if (createHash('sha256').update(bytes).digest('hex') !== f.sha256)
        problems.push(`文件 ${f.id} 恢复后内容与校验值不符。`);
    }
    for (const chain of await listChainIds(db.kysely)) {
      const v = await verifyAuditChain(db.kysely, chain);
      if (!v.ok) problems.push(`审计链 ${chain}：${v.problem?.message ?? '校验未通过'}`);
    }
    for (const p of await checkAgainstHeads(db.kysely, manifest.auditHeads as HeadsDocument))
      problems.push(p.message);
  } finally {
    await db.close();
  }
  return problems;
}

/** Whether an embedded database file exists and any of its tables holds a row. */
export function sqliteTargetHasData(url: string): boolean {
  const path = resolve(sqlitePath(url));
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const sqlite = new SQLite(path, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'",
      )
      .all() as { name: string }[];
    return tables.some(
      (t) =>
        /^[a-z_][a-z0-9_]*$/.test(t.name) &&
        sqlite.prepare(`select 1 from "${t.name}" limit 1`).get() !== undefined,
    );
  } finally {
    sqlite.close();
  }
}
