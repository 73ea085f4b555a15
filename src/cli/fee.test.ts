// `gongkai fee` as a user runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function fee(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/gongkai.js'), 'fee', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const last = (text: string) => text.trimEnd().split('\n').at(-1);

test('fee --per-application: the month’s total in 元 alone on the last line', () => {
  for (const [n, total] of [
    ['10', '0'],
    ['11', '100'],
    ['30', '2000'],
    ['31', '2200'],
    ['41', '4300'],
  ] as const) {
    const r = fee('--per-application', n);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(last(r.stdout), total, `${n} applications`);
  }
  assert.match(fee('--per-application', '31').stdout, /第11–30件：20件 × 100元 = 2000元/);
});

test('fee --pages: the fee in 元 alone on the last line', () => {
  for (const [n, total] of [
    ['30', '0'],
    ['31', '10'],
    ['100', '700'],
    ['101', '720'],
    ['201', '2740'],
  ] as const) {
    const r = fee('--pages', n);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(last(r.stdout), total, `${n} pages`);
  }
});

test('fee: one method only, a whole number; otherwise a Chinese message and exit 2', () => {
  for (const args of [
    [],
    ['--pages', '10', '--per-application', '3'],
    ['--pages', '十'],
    ['--pages', '-1'],
    ['--per-application', '2.5'],
    ['--pages', '99999999'],
  ]) {
    const r = fee(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});
