// Spawns the real `gongkai backup`, `gongkai restore` and `gongkai audit heads/verify`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { TEST_PASSWORD_PARAMS } from '../../test/support/app.js';
import { systemClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let db: TestDb;
let work: string;

function gongkai(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  db = await createTestDb();
  await seedDemo({ db, clock: systemClock, passwordParams: TEST_PASSWORD_PARAMS });
  work = mkdtempSync(join(tmpdir(), 'gongkai-cli-backup-'));
});
after(async () => {
  await db.destroy();
  rmSync(work, { recursive: true, force: true });
});

test(`gongkai backup, then restore refuses a non-empty target without --force (${testDialect})`, () => {
  const env = { ...db.env, FILE_STORE_DIR: join(work, 'files') };
  const archive = join(work, 'b.zip');
  const made = gongkai(env, 'backup', archive);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stderr, /已备份到/);
  assert.equal(gongkai(env, 'backup', archive).code, 2, 'never overwrites a backup');
  if (testDialect === 'postgres') {
    assert.match(made.stderr, /pg_dump --format=custom/);
    assert.match(made.stderr, /pg_restore/);
    return;
  }
  const target = { DATABASE_URL: `sqlite:${join(work, 'r.db')}`, FILE_STORE_DIR: join(work, 'rf') };
  const restored = gongkai(target, 'restore', archive);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stderr, /均与备份一致/);
  const refused = gongkai(target, 'restore', archive);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /已有数据.*--force/);
  assert.equal(gongkai(target, 'restore', archive, '--force').code, 0);
  assert.match(gongkai(target, 'restore', join(work, 'none.zip')).stderr, /找不到备份文件/);
});

test(`gongkai audit verify --heads catches a rewound chain (${testDialect})`, async () => {
  const heads = join(work, 'heads.json');
  assert.equal(gongkai(db.env, 'audit', 'heads', '--out', heads).code, 0);
  const ok = gongkai(db.env, 'audit', 'verify', '--heads', heads);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /与 .* 导出的链头相符/);
  const newest = await db.kysely
    .selectFrom('audit_heads')
    .selectAll()
    .where('seq', '>', 1)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const prev = await db.kysely
    .selectFrom('audit_events')
    .select('hash')
    .where('chain_id', '=', newest.chain_id)
    .where('seq', '=', Number(newest.seq) - 1)
    .executeTakeFirstOrThrow();
  await db.kysely
    .deleteFrom('audit_events')
    .where('chain_id', '=', newest.chain_id)
    .where('seq', '=', newest.seq)
    .execute();
  await db.kysely
    .updateTable('audit_heads')
    .set({ seq: Number(newest.seq) - 1, hash: prev.hash })
    .where('chain_id', '=', newest.chain_id)
    .execute();
  assert.equal(gongkai(db.env, 'audit', 'verify').code, 0, 'the chain alone cannot tell');
  const caught = gongkai(db.env, 'audit', 'verify', '--heads', heads);
  assert.equal(caught.code, 1);
  assert.match(caught.stderr, /最新的记录被删除，链头被改回/);
  assert.match(caught.stdout, new RegExp(`rewound ${newest.chain_id}`));
});
