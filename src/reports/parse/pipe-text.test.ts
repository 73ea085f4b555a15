// Pipe-separated page text: where a cell ends, which empties are blanks, and which pipes only
// close a cell begun on the line before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPipeText, pipeCells, pipeLines } from './pipe-text.js';

test('a row per line, with or without leading pipe, trailing pipe closing the last cell', () => {
  assert.deepEqual(pipeCells('规章 | 0 | 0 | 0 |', true), ['规章', '0', '0', '0']);
  assert.deepEqual(pipeCells('| 规章 | 2 | 0 | 2 | ', true), [null, '规章', '2', '0', '2']);
  assert.deepEqual(pipeCells('第二十条第(一)项 | |||', true), [
    '第二十条第(一)项',
    null,
    null,
    null,
  ]);
});

test('empty text between pipes is a blank cell', () => {
  assert.deepEqual(pipeCells('一、本年新收政府信息公开申请数量 | 0 | | | | | | 0 |', true), [
    '一、本年新收政府信息公开申请数量',
    '0',
    null,
    null,
    null,
    null,
    null,
    '0',
  ]);
});

test('a lone pipe after a line without one closes that cell; after a closed cell it is a blank', () => {
  const lines = pipeLines(['行政规范性文件', '|', '0 |', '规章 |', '|', '|']);
  assert.deepEqual(
    lines.map((l) => l.cells),
    [['行政规范性文件'], ['0'], ['规章'], [null], [null]],
  );
  assert.deepEqual(
    lines.map((l) => l.tableRow),
    [false, true, true, true, true],
  );
});

test('prose with a stray pipe is not pipe text', () => {
  assert.equal(isPipeText(['一、总体情况', '索引号 | 123 |', '正文。']), false);
  assert.equal(isPipeText(['a |', 'b |', 'c |', 'd |']), true);
});
