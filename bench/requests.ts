// The requests feature at scale: one agency with 100,000 cases (and a neighbour with 10,000,
// so the agency filter does real work), on SQLite and — when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a PostgreSQL server — on PostgreSQL in a schema of its own. Timed:
// the work list's first page as the console shows it (count + 50 rows by due date), and table
// 三 of a year (year-figures.ts), each beside a raw `count(*) … group by` over the same rows
// in the same run, so machines compare by ratio. Prints only.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { addDays } from '../src/calendar/dates.js';
import { seededRandom } from '../src/demo/seeded-random.js';
import { openDatabase, type Db } from '../src/db/database.js';
import type { Database } from '../src/db/schema.js';
import type { Insertable } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.js';
import { paginate } from '../src/db/paginate.js';
import { APPLICANT_CATEGORIES } from '../src/requests/case.js';
import { OUTCOME_KEYS } from '../src/requests/outcomes.js';
import { workListQuery } from '../src/requests/repository.js';
import { yearFigures } from '../src/requests/year-figures.js';

const CASES = 100_000;
const NEIGHBOUR_CASES = 10_000;
const BATCH = 500;
const YEAR = 2024;
const ROUNDS = 7;
/** The last day open cases were received on. */
const OPEN_UNTIL = '2026-11-30';

/** The same cases on every run and database. */
const random = seededRandom;

const OPEN_STATES = ['registered', 'in_progress', 'consulting', 'reply_drafted'] as const;

export async function insertAgency(db: Db, id: string): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('agencies')
    .values({
      id,
      parent_id: null,
      slug: id,
      full_name: `测量用机关${id}`,
      short_name: id,
      code: id.padEnd(18, '0'),
      level: 'township',
      kind: 'government',
      office_name: null,
      office_address: null,
      office_hours: null,
      office_phone: null,
      office_fax: null,
      office_email: null,
      office_website: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** `n` cases received 2019–2026: most closed within weeks, some open, a few not yet received. */
export async function insertCases(
  db: Db,
  agencyId: string,
  n: number,
  seed: number,
): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const now = new Date().toISOString();
  for (let start = 0; start < n; start += BATCH) {
    const cases: Insertable<Database['requests']>[] = [];
    const applicants: Insertable<Database['request_applicants']>[] = [];
    const items: Insertable<Database['request_items']>[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const id = `${agencyId}-${i}`;
      const r = rnd();
      const state = r < 0.02 ? 'submitted' : r < 0.9 ? 'closed' : pick(OPEN_STATES);
      // Open cases are recent (the statutory clock runs weeks, not years).
      const received =
        state === 'closed'
          ? addDays('2019-01-01', Math.floor(rnd() * 8 * 365))
          : addDays(OPEN_UNTIL, -Math.floor(rnd() * 60));
      const closed = state === 'closed' ? addDays(received, 1 + Math.floor(rnd() * 40)) : null;
      const category = rnd() < 0.85 ? 'natural_person' : pick(APPLICANT_CATEGORIES);
      cases.push({
        id,
        agency_id: agencyId,
        tracking_number: `GK-BENCH-${id}`,
        access_code_hash: 'x',
        state,
        channel: 'online',
        category,
        submitted_on: received,
        received_on: state === 'submitted' ? null : received,
        due_on: state === 'closed' || state === 'submitted' ? null : addDays(received, 28),
        delivery_form: 'electronic',
        delivery_method: 'email',
        closure: closed ? 'replied' : null,
        outcome: closed ? pick(OUTCOME_KEYS) : null,
        closed_on: closed,
        created_at: now,
        updated_at: now,
      });
      applicants.push({ request_id: id, name: '测量', phone: '13800000000' });
      items.push({ request_id: id, position: 1, description: '测量用申请内容' });
    }
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('requests').values(cases).execute();
      await trx.insertInto('request_applicants').values(applicants).execute();
      await trx.insertInto('request_items').values(items).execute();
    });
  }
}

/** The median of ROUNDS timed runs after one warm-up, in milliseconds. */
async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

async function measure(db: Db, label: string): Promise<void> {
  const t0 = performance.now();
  await migrateToLatest(db);
  await insertAgency(db, 'bench');
  await insertAgency(db, 'neighbour');
  await insertCases(db, 'bench', CASES, 1);
  await insertCases(db, 'neighbour', NEIGHBOUR_CASES, 2);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  const load = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `\n依申请公开（${label}）：${CASES.toLocaleString('zh-CN')} 件申请，写入用时 ${load} 秒`,
  );

  const k = db.kysely;
  const workList = await time(() =>
    paginate(k, workListQuery(k, 'bench', { open: true }, 'due', 'asc'), { page: 1, pageSize: 50 }),
  );
  const openCount = await time(() =>
    sql`select state, count(*) from requests where agency_id = ${'bench'} and state <> 'closed' group by state`.execute(
      k,
    ),
  );
  const table = await time(() => yearFigures(k, 'bench', YEAR));
  const grouped = await time(() =>
    sql`select category, outcome, count(*) from requests where agency_id = ${'bench'} group by category, outcome`.execute(
      k,
    ),
  );
  const t = await yearFigures(k, 'bench', YEAR);
  const f = (ms: number) => `${ms.toFixed(1)} 毫秒`;
  console.log(`基准   未办结申请 count(*) group by state：${f(openCount)}`);
  console.log(
    `待办列表 第一页（计数 + 50 行，按答复期限）：${f(workList)}，为基准的 ${(workList / openCount).toFixed(1)} 倍`,
  );
  console.log(`基准   全部申请 count(*) group by category, outcome：${f(grouped)}`);
  console.log(
    `表三   ${YEAR}年（收到 ${t.grid.received?.total} 件，上年结转 ${t.grid.carried_in?.total} 件，结转下年 ${t.grid.carried_out?.total} 件）：${f(table)}，为基准的 ${(table / grouped).toFixed(1)} 倍`,
  );
}

async function onSqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-requests-'));
  const db = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await measure(db, 'SQLite');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<void> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openDatabase(url, { pgSchema: schema, poolSize: 4 });
  try {
    await measure(db, 'PostgreSQL');
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

export async function requestsBench(): Promise<void> {
  await onSqlite();
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) await onPostgres(pgUrl);
}
