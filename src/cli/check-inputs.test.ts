// A folder given to `gongkai check` is walked with its links followed: a linked report file
// or sub-folder is checked, a link back up the tree does not loop, a file reached twice is
// checked once, and a link that points nowhere is said in Chinese while the others go on.
// Real symlinks in a temporary folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkInputs, type CheckInput } from './check-inputs.js';

const root = mkdtempSync(join(tmpdir(), 'gongkai-inputs-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Each input's label under `base`, with the path it reads or why it gives none. */
const summary = (inputs: CheckInput[], base: string) =>
  inputs.map((i): { label: string; path?: string; error?: string } => ({
    label: i.label.slice(base.length + 1),
    ...('error' in i ? { error: i.error } : { path: 'path' in i.source ? i.source.path : '' }),
  }));

test('links to files and folders are followed, loops and repeats are not, a broken link is said', async () => {
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(join(elsewhere, '各街道'), { recursive: true });
  writeFileSync(join(elsewhere, '长江路街道.txt'), '报告');
  writeFileSync(join(elsewhere, '各街道', '灵山卫街道.txt'), '报告');
  const dir = join(root, '年报');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), '报告');
  symlinkSync(join(elsewhere, '长江路街道.txt'), join(dir, 'b-链接.txt'));
  symlinkSync(join(elsewhere, '各街道'), join(dir, 'c-街道'));
  symlinkSync('a.txt', join(dir, 'd-同一份.txt'));
  symlinkSync('不存在的报告.txt', join(dir, 'e-断开.txt'));
  symlinkSync('f-自指', join(dir, 'f-自指'));
  symlinkSync('不存在的图片.png', join(dir, 'f-图片.png')); // not a report: skipped as such
  symlinkSync('.', join(dir, 'g-本身'));
  // A loop through a linked folder: 年报 → c-街道 → 回到年报 → 年报.
  symlinkSync(dir, join(elsewhere, '各街道', '回到年报'));

  const found = summary(await checkInputs([dir]), dir);
  assert.deepEqual(
    found.map((f) => f.label),
    ['a.txt', 'b-链接.txt', 'c-街道/灵山卫街道.txt', 'e-断开.txt', 'f-自指'],
    'each report once: the links followed, the loops and the second way to a.txt not',
  );
  assert.equal(found[1]!.path, join(dir, 'b-链接.txt'), 'read through the link');
  assert.match(
    found[3]!.error!,
    /^这是一个链接，但它指向的“不存在的报告\.txt”不存在，已跳过（其余文件照常检查）/,
  );
  assert.match(found[4]!.error!, /链接循环/);
});

test('a folder of nothing but broken links says so, and says the folder has no report', async () => {
  const dir = join(root, '只有断开的链接');
  mkdirSync(dir);
  symlinkSync(join(root, 'gone.pdf'), join(dir, '报告.pdf'));
  const found = summary(await checkInputs([dir]), dir);
  assert.equal(found.length, 2);
  assert.match(found[0]!.error!, /没有可检查的报告文件/);
  assert.equal(found[1]!.label, '报告.pdf');
  assert.match(found[1]!.error!, /指向的“.*gone\.pdf”不存在/);
});
