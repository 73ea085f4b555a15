// What a backup archive says it holds: row counts of every table, every stored file with its
// hash, and the audit chain heads at the moment of the snapshot. A restore is checked against
// it: same counts, same files, and chains that verify and still end at these heads.
import { sql } from 'kysely';
import { z } from 'zod';
import { HEADS_FORMAT, type HeadsDocument } from '../audit/audit-heads.js';
import type { Db } from '../db/database.js';

export const BACKUP_FORMAT = 'gongkai-backup/1';
export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'database.sqlite';
export const FILE_ENTRY = /^files\/([0-9a-f]{32})$/;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** Rows per table (migration bookkeeping left out). */
  tables: Record<string, number>;
  files: { id: string; sha256: string; size: number }[];
  auditHeads: HeadsDocument;
}

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  tables: z.record(z.string(), z.number().int().min(0)),
  files: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{32}$/),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().min(0),
    }),
  ),
  auditHeads: z.object({ format: z.literal(HEADS_FORMAT) }).passthrough(),
});

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
          order by name`.execute(db.kysely)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
            and table_name not like 'kysely_%' order by table_name`.execute(db.kysely);
  return rows.rows.map((r) => r.name).filter((n) => TABLE_NAME.test(n));
}

export async function countTables(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of await tableNames(db)) {
    const r = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(name)}`.execute(db.kysely);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}
