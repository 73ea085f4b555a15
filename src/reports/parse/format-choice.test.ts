// Which national format a report's table 二 is laid out in, told by the headings only one of
// the formats has — printed one to a cell, or run together as a crawler saved them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseFormat } from './format-choice.js';

test('separate column headings of the 2019 trial format choose it, whatever the year', () => {
  const labels = ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量', '规章'];
  assert.equal(chooseFormat(labels, 2022).id, '2019');
});

test('a heading and its columns run together still choose their format', () => {
  // 平潭海坛片区管理局 2022 (test/fixtures/reports/real/2022-county-gov-pingtan-haitan-area-crawler.txt),
  // still in the 2019 trial format: the block heading and its columns are one run of text.
  const run = '第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量';
  assert.equal(chooseFormat([run], 2022).id, '2019');
  const run2021 = '第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数';
  assert.equal(chooseFormat([run2021], 2020).id, '2021');
});

test('without a distinctive heading the year decides', () => {
  assert.equal(chooseFormat(['规章', '行政许可'], 2019).id, '2019');
  assert.equal(chooseFormat(['规章', '行政许可'], 2022).id, '2021');
  // Prose is never a heading, even when it names one.
  const prose =
    '本年新制作数量较上年有所增加，本年新公开数量也有增加，对外公开总数量达到历年最高水平，今后将继续努力。';
  assert.equal(chooseFormat([prose], 2022).id, '2021');
});
