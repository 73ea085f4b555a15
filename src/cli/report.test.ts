// `gongkai report export` on a fresh SQLite database after `migrate` and `demo`: the demo
// street's 2021 report as published, whose JSON `gongkai check` finds no error in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'gongkai.db')}` };

function gongkai(...args: string[]) {
  const res = spawnSync(process.execPath, [join(root, 'bin/gongkai.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

test('report export → JSON of the published report that gongkai check finds clean', () => {
  assert.equal(gongkai('migrate').code, 0);
  const demo = gongkai('demo');
  assert.equal(demo.code, 0, demo.stderr);
  const out = join(dir, '2021.json');
  const res = gongkai(
    'report',
    'export',
    '--agency',
    '灵山卫街道办事处',
    '--year',
    '2021',
    '--to',
    'json',
    '-o',
    out,
  );
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stderr, /已发布的第1版/);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(json.agency, '灵山卫街道办事处');
  assert.deepEqual(
    [
      json.tables.requests.received.natural_person,
      json.tables.requests.received.commercial_enterprise,
      json.tables.requests.received.total,
    ],
    [8, 1, 9],
  );
  assert.deepEqual(
    [json.tables.review.reconsideration.upheld, json.tables.review.reconsideration.corrected],
    [1, 1],
  );
  const check = gongkai('check', out);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.doesNotMatch(check.stdout, /错误：/);

  // By slug, as CSV to standard output; an unknown agency is named in the message.
  const csv = gongkai(
    'report',
    'export',
    '--agency',
    'lingshanwei',
    '--year',
    '2021',
    '--to',
    'csv',
  );
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /requests,received,total,9/);
  const unknown = gongkai(
    'report',
    'export',
    '--agency',
    '不存在的局',
    '--year',
    '2021',
    '--to',
    'json',
  );
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /没有找到机关“不存在的局”/);
});
