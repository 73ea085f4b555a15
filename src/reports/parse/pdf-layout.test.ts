import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageLines } from './pdf-layout.js';
import type { Item } from './pdf-layout.js';

const SIZE = 9;
const item = (str: string, x: number, y: number): Item => ({
  str,
  x,
  y,
  width: str.length * (/\d/u.test(str) ? SIZE / 2 : SIZE),
  size: SIZE,
});
const COLUMNS = [320, 350, 380, 410, 440, 470, 495];
const row = (label: string, y: number, values: (string | null)[]): Item[] => [
  item(label, 78, y),
  ...values.flatMap((v, i) => (v === null ? [] : [item(v, COLUMNS[i]!, y)])),
];

test('items on one baseline form a line; wide gaps separate cells, narrow ones join', () => {
  const lines = pageLines(
    [
      item('1.', 181, 248),
      item('属于国家秘密', 188, 248),
      item('1', 322, 248),
      item('0', 352, 249),
    ],
    undefined,
  );
  assert.deepEqual(lines, [{ cells: ['1.属于国家秘密', '1', '0'], tableRow: true }]);
});

test('a row whose empty cell left no text gets the blank back where its column is', () => {
  const items = [
    item('自然人', 311, 402),
    item('总计', 489, 402),
    ...row('一、本年新收政府信息公开申请数量', 348, ['21', '3', '0', '0', '0', '0', '24']),
    ...row('二、上年结转政府信息公开申请数量', 325, ['1', null, '0', '0', '0', '0', '1']),
    ...row('（一）予以公开', 304, ['9', '1', '0', '0', null, '0', null]),
  ];
  const lines = pageLines(items, undefined);
  assert.deepEqual(
    lines.map((l) => l.cells),
    [
      ['自然人', '总计'],
      ['一、本年新收政府信息公开申请数量', '21', '3', '0', '0', '0', '0', '24'],
      ['二、上年结转政府信息公开申请数量', '1', null, '0', '0', '0', '0', '1'],
      ['（一）予以公开', '9', '1', '0', '0', null, '0', null],
    ],
  );
});

test('a fuller row beyond a column-heading line is another table: no blanks are invented', () => {
  const items = [
    ...row('行政规范性文件', 247, ['0', null, null, null, '5', null, '5']),
    item('信息内容', 129, 165),
    item('本年处理决定数量', 326, 165),
    item('行政许可', 81, 127),
    item('550', 365, 127),
  ];
  const lines = pageLines(items, undefined);
  assert.deepEqual(lines[2]!.cells, ['行政许可', '550']);
});

test('a line at the left margin continues the paragraph above; an indented one starts a new one', () => {
  const lines = pageLines(
    [
      item('一、总体情况', 106, 700),
      item('2023年，本局认真贯彻', 106, 680),
      item('落实条例。', 74, 660),
    ],
    undefined,
  );
  assert.deepEqual(
    lines.map((l) => l.continues ?? false),
    [false, false, true],
  );
});
