import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageLines } from './pdf-layout.js';
import { recognise } from './recognise.js';
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

for (const groupAt of [340, 330, 320]) {
  test(`a PDF table whose labels wrap over two and three lines (the 市政府 case): each row keeps its numbers (group heading at ${groupAt})`, () => {
    // Real rows of the 2024 洪泽区 report; each group heading stands in a tall merged cell, on
    // the baseline of one of its rows' lines.
    const values = (y: number, v: string[]) => v.map((s, i) => item(s, COLUMNS[i]!, y));
    const zeros = ['0', '0', '0', '0', '0', '0', '0'];
    const items = [
      item('（四）无法提供', 78, 400),
      item('1.本机关不掌握相关政府信息', 150, 400),
      ...values(400, ['31', '0', '0', '0', '0', '0', '31']),
      item('2.没有现成信息需要', 150, 385),
      item('另行制作', 150, 375),
      ...values(375, ['1', '0', '0', '0', '0', '0', '1']),
      item('3.补正后申请内容仍不明确', 150, 365),
      ...values(365, zeros),
      item('1.信访举报投诉类申请', 150, 360),
      ...values(360, ['1', '0', '0', '0', '0', '0', '1']),
      item('2.重复申请', 150, 355),
      ...values(355, zeros),
      item('3.要求提供公开出版物', 150, 350),
      ...values(350, zeros),
      item('4.无正当理由大量反复申请', 150, 345),
      ...values(345, zeros),
      item('（五）不予处理', 78, groupAt),
      item('5.要求行政机关确认', 150, 340),
      item('或重新出具已获取', 150, 330),
      ...values(330, ['2', '0', '1', '0', '0', '0', '3']),
      item('信息', 150, 320),
      item('（六）其他处理', 78, 300),
    ];
    const lines = pageLines(items, undefined);
    const recognised = recognise([
      { cells: ['三、收到和处理政府信息公开申请情况'], tableRow: false },
      {
        cells: ['一、本年新收政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
        tableRow: true,
      },
      ...lines,
    ])!;
    const requests = recognised.report.tables.requests;
    assert.deepEqual(Object.values(requests['unavailable.not_held']!), [31, 0, 0, 0, 0, 0, 31]);
    assert.deepEqual(Object.values(requests['unavailable.needs_creation']!), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(
      Object.values(requests['not_processed.confirm_or_reissue']!),
      [2, 0, 1, 0, 0, 0, 3],
    );
  });
}
