import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2021 } from '../format/index.js';
import { resolveRow } from './resolve-row.js';
import { totalRule } from './tables.js';

const columns = FORMAT_2021.requests.columns;
const names = columns.map((c) => c.label);
const rules = totalRule(columns);
const where = '表三“测试”行';

test('an exact count is taken as printed, with no explanation', () => {
  assert.deepEqual(resolveRow([8, 1, 0, 0, 0, 0, 0], names, rules, where), {
    cells: [8, 1, 0, 0, 0, 0, 0],
    explanation: null,
  });
});

test('the total rule is derived from the definition (总计 = the other six)', () => {
  assert.deepEqual(rules, [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }]);
});

test('a doubled value is dropped where the total column agrees', () => {
  const r = resolveRow([8, 8, 0, 0, 0, 0, 0, 8], names, rules, where);
  assert.deepEqual(r.cells, [8, 0, 0, 0, 0, 0, 8]);
  assert.match(r.explanation ?? '', /“8”重复出现，按一次计（与“总计”列相符的唯一读法）/u);
  // Which of two repeated pairs is the doubling is told by the total.
  assert.deepEqual(
    resolveRow([3, 1, 1, 0, 0, 0, 0, 5], names, rules, where).cells,
    [3, 1, 1, 0, 0, 0, 5],
    'a 0 was doubled',
  );
  assert.deepEqual(
    resolveRow([3, 1, 1, 0, 0, 0, 0, 4], names, rules, where).cells,
    [3, 1, 0, 0, 0, 0, 4],
    'the 1 was doubled',
  );
});

test('every value printed twice is read once', () => {
  const r = resolveRow([2, 2, 0, 0, 9, 9], ['a', 'b', 'c'], [], '表二“x”行');
  assert.deepEqual(r.cells, [2, 0, 9]);
  assert.match(r.explanation ?? '', /每个数都重复印了一次/u);
});

test('one value missing: placed by the total when the total decides, else filled from the left', () => {
  const placed = resolveRow([3, 0, 0, 0, 0, 3], names, rules, where);
  assert.deepEqual(placed.cells, [3, 0, 0, 0, 0, null, 3]);
  assert.match(placed.explanation ?? '', /空缺在“其他”列/u);
  const left = resolveRow([0, 0, 0, 0, 0, 0], names, rules, where);
  assert.deepEqual(left.cells, [0, 0, 0, 0, 0, 0, null]);
  assert.equal(left.explanation, '表三“测试”行只读到6个数，按顺序填入前6列，“总计”列按空白处理');
  assert.deepEqual(
    resolveRow([2, 1, 0, 0, 0, 7], names, rules, where).cells,
    [2, 1, 0, 0, 0, 7, null],
    'no reading fits: from the left',
  );
});

test('several missing: filled from the left, the rest blank — never zero', () => {
  const r = resolveRow([5, 1], names, rules, where);
  assert.deepEqual(r.cells, [5, 1, null, null, null, null, null]);
  assert.match(r.explanation ?? '', /只读到2个数，按顺序填入前2列/u);
  assert.deepEqual(resolveRow([], ['a'], [], where).cells, [null]);
});

test('extras that are not repeats: the first values, the rest named as not read', () => {
  const r = resolveRow([1, 2, 3, 4], ['a', 'b'], [], where);
  assert.deepEqual(r.cells, [1, 2]);
  assert.match(r.explanation ?? '', /其余2个数未读入/u);
});

test('blank cells left of a merged label are dropped silently', () => {
  assert.deepEqual(resolveRow([null, null, 5, 1, 0, 0, 0, 0, 6], names, rules, where), {
    cells: [5, 1, 0, 0, 0, 0, 6],
    explanation: null,
  });
});

test('text cells stay text', () => {
  assert.deepEqual(resolveRow(['无', 0, 0, 0, 0, 0, 0], names, rules, where).cells, [
    '无',
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
});

test('extra numbers after a row whose first numbers hold its 总计 are left out, said so', () => {
  // 迁安市大五里镇 2020: the stored page is cut just after 「1.属于国家秘密」's seven zeros,
  // keeping the 「2」 of the next label 「2.其他法律…」.
  const r = resolveRow([0, 0, 0, 0, 0, 0, 0, 2], names, rules, where);
  assert.deepEqual(r.cells, [0, 0, 0, 0, 0, 0, 0]);
  assert.match(r.explanation ?? '', /前7个数与“总计”列相符.*其余1个数未读入/u);
});
