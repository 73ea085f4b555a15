// The file an import command reads: a missing one, one over the limit (with and without
// advice) and one that cannot be read each stop with the Chinese message the commands print
// (exit code 2); a good one comes back as its name and bytes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CliError } from './errors.js';
import { readImportFile } from './read-import-file.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The CliError `fn` throws (failing if it throws none, or another kind). */
function cliErrorOf(fn: () => unknown): CliError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof CliError, String(e));
    return e;
  }
  assert.fail('no error');
}

test('a file that is there comes back as its name and bytes', () => {
  const path = join(dir, '目录.csv');
  writeFileSync(path, '索引号,名称\n');
  const file = readImportFile(path, { maxBytes: 1024 });
  assert.equal(file.filename, '目录.csv');
  assert.equal(new TextDecoder().decode(file.bytes), '索引号,名称\n');
});

test('a missing file: 找不到文件, exit 2', () => {
  const path = join(dir, 'no-such.csv');
  const e = cliErrorOf(() => readImportFile(path, { maxBytes: 1024 }));
  assert.equal(e.message, `找不到文件：${path}`);
  assert.equal(e.exitCode, 2);
});

test('a file over the limit: refused before it is read, with the advice when there is one', () => {
  const path = join(dir, 'big.csv');
  writeFileSync(path, Buffer.alloc(2 * 1024 * 1024 + 1));
  const limit = { maxBytes: 2 * 1024 * 1024 };
  const plain = cliErrorOf(() => readImportFile(path, limit));
  assert.equal(plain.message, `文件 ${path} 超过 2 MB。`);
  assert.equal(plain.exitCode, 2);
  const advised = cliErrorOf(() =>
    readImportFile(path, { ...limit, tooLargeAdvice: '请按年度拆分后分别导入。' }),
  );
  assert.equal(advised.message, `文件 ${path} 超过 2 MB：请按年度拆分后分别导入。`);
  // Exactly at the limit is accepted.
  writeFileSync(path, Buffer.alloc(limit.maxBytes));
  assert.equal(readImportFile(path, limit).bytes.byteLength, limit.maxBytes);
});

test('a directory given as the file: 无法读取文件, not a stack trace', () => {
  const e = cliErrorOf(() => readImportFile(dir, { maxBytes: 1024 * 1024 }));
  assert.equal(e.message, `无法读取文件：${dir}`);
  assert.equal(e.exitCode, 2);
});
