// The database commands fail with a Chinese message, not a stack trace, when the database
// cannot be reached or the URL is wrong; and they work on the test database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { connectionProblem } from './with-database.js';

const bin = new URL('../../bin/gongkai.js', import.meta.url).pathname;

function gongkai(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

test('an unreachable PostgreSQL server: a Chinese message naming the problem, exit 2', () => {
  for (const cmd of [
    ['migrate'],
    ['demo'],
    ['calendar', 'due', '--from', '2024-09-27', '--working-days', '20'],
  ]) {
    const r = gongkai({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, ...cmd);
    assert.equal(r.status, 2, `${cmd.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /无法连接数据库.*连接被拒绝.*请检查 DATABASE_URL/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a DATABASE_URL of an unknown kind is explained', () => {
  const r = gongkai({ DATABASE_URL: 'mysql://root@localhost/x' }, 'migrate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /无法识别的 DATABASE_URL/);
});

test(`gongkai migrate on the test database reports it is up to date (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const r = gongkai(db.env, 'migrate');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /数据库已是最新结构/);
  } finally {
    await db.destroy();
  }
});

test('connectionProblem looks through wrapped errors', () => {
  const inner = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  assert.equal(
    connectionProblem(new Error('wrapped', { cause: inner })),
    '连接被拒绝，数据库服务可能没有启动',
  );
  assert.equal(connectionProblem(new Error('other')), null);
});

test(`gongkai serve on a port already in use says so in Chinese (${testDialect})`, async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const db = await createTestDb();
  try {
    const r = gongkai({ ...db.env, PORT: String(port), HOST: '127.0.0.1' }, 'serve');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`端口 ${port} 已被占用`));
  } finally {
    blocker.close();
    await db.destroy();
  }
});
