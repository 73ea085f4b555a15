// The two generated data sets of the full-size benches, each a cached SQLite file or a
// fresh PostgreSQL schema: the catalogue (issue 9: 1,000,000 published items across 500
// agencies, with the search index) and one agency's year of records for composing its
// report (issue 10: 100,000 requests and 1,000,000 items, of which table 二 counts the
// 第二十条（一） documents and section 二 the channels; no search index, nothing searches).
import type SQLite from 'better-sqlite3';
import { openDatabase, type Db } from '../src/db/database.js';
import { compactSearchIndex } from '../src/publications/search-compaction.js';
import { benchAgencies, fillSqlite, type BenchAgency } from './catalogue-data.js';
import {
  cachedSqlite,
  copyToPostgres,
  progress,
  sizeFromEnv,
  type PgBenchSchema,
} from './bench-db.js';
import { insertCases } from './requests.js';

export interface CatalogueSize {
  agencies: number;
  items: number;
}

/** GONGKAI_BENCH_AGENCIES and GONGKAI_BENCH_ITEMS shrink it for a quick run. */
export function catalogueSize(): CatalogueSize {
  return {
    agencies: sizeFromEnv('GONGKAI_BENCH_AGENCIES', 500),
    items: sizeFromEnv('GONGKAI_BENCH_ITEMS', 1_000_000),
  };
}

export interface ComposeSize {
  requests: number;
  items: number;
}

/** GONGKAI_BENCH_COMPOSE_REQUESTS and GONGKAI_BENCH_COMPOSE_ITEMS shrink it. */
export function composeSize(): ComposeSize {
  return {
    requests: sizeFromEnv('GONGKAI_BENCH_COMPOSE_REQUESTS', 100_000),
    items: sizeFromEnv('GONGKAI_BENCH_COMPOSE_ITEMS', 1_000_000),
  };
}

export const composeAgency = (): BenchAgency => benchAgencies(1, 'cmp')[0]!;

export async function catalogueSqlite(size: CatalogueSize) {
  const agencies = benchAgencies(size.agencies);
  const made = await cachedSqlite(`catalogue-${size.agencies}a-${size.items}i`, (sqlite) =>
    fillSqlite(sqlite, agencies, size.items, {
      search: true,
      progress: progress('生成主动公开目录（SQLite）', size.items),
    }),
  );
  // As the nightly upkeep leaves a live index (src/publications/search-compaction.ts): the
  // generator's batches leave it in a dozen segments. Quick when already done (one step that
  // finds nothing), so a file cached before the upkeep existed is compacted once.
  const db = openDatabase(`sqlite:${made.path}`);
  try {
    const t0 = performance.now();
    const { steps } = await compactSearchIndex(db.kysely);
    if (steps > 0)
      console.log(
        `  合并检索索引的段：${steps} 步，${((performance.now() - t0) / 1000).toFixed(1)} 秒`,
      );
  } finally {
    await db.close();
  }
  return { ...made, agencies };
}

/** The same rows as the cached SQLite file, copied into the PostgreSQL schema. */
export async function cataloguePostgres(s: PgBenchSchema, sqlitePath: string): Promise<void> {
  await copyToPostgres(
    sqlitePath,
    s.client,
    ['agencies', 'publications', 'publication_channels', 'publication_search'],
    copyProgress('主动公开目录'),
  );
}

function copyProgress(label: string) {
  const shown = new Map<string, (done: number) => void>();
  return (table: string, done: number, total: number) => {
    if (!shown.has(table))
      shown.set(table, progress(`复制${label}到 PostgreSQL（${table}）`, total));
    shown.get(table)!(done);
  };
}

async function composeRecords(db: Db, size: ComposeSize): Promise<void> {
  // The requests bench's own generator: closed cases 2019–2026 with their outcomes.
  await insertCases(db, composeAgency().id, size.requests, 1);
}

export async function composeSqlite(size: ComposeSize) {
  return cachedSqlite(
    `compose-${size.requests}r-${size.items}i`,
    async (sqlite: SQLite.Database, db: Db) => {
      fillSqlite(sqlite, [composeAgency()], size.items, {
        search: false,
        progress: progress('生成年度报告用记录（SQLite）', size.items),
      });
      await composeRecords(db, size);
    },
  );
}

export async function composePostgres(s: PgBenchSchema, sqlitePath: string): Promise<void> {
  await copyToPostgres(
    sqlitePath,
    s.client,
    [
      'agencies',
      'publications',
      'publication_channels',
      'requests',
      'request_applicants',
      'request_items',
    ],
    copyProgress('年度报告用记录'),
  );
}
