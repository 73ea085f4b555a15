import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseLabel, readCell } from './labels.js';
import { simplified } from './traditional.js';

test('traditional characters of the format vocabulary read as simplified; other text is untouched', () => {
  assert.equal(simplified('行政規范性文件'), '行政规范性文件');
  assert.equal(simplified('收到和處理政府信息公開申請情況'), '收到和处理政府信息公开申请情况');
  assert.equal(simplified('灵山卫'), '灵山卫');
});

test('labels drop a mirror site’s pinyin and a template’s long explanation, not the format’s own note', () => {
  assert.equal(normaliseLabel('規(guī)章'), '规章');
  assert.equal(normaliseLabel('规章(设区的市、自治州人民政府应提供相关数据)'), '规章');
  assert.equal(
    normaliseLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    '部分公开区分处理的只计这一情形不计其他情形',
  );
});

test('a change in words and a number with its unit are values', () => {
  assert.deepEqual(readCell('减44'), { kind: 'value', value: -44, raw: '减44' });
  assert.deepEqual(readCell('增3'), { kind: 'value', value: 3, raw: '增3' });
  assert.deepEqual(readCell('251000元'), { kind: 'value', value: 251000, raw: '251000元' });
  assert.deepEqual(readCell('1424.4万元'), { kind: 'value', value: 1424.4, raw: '1424.4万元' });
  assert.equal(readCell('减少').kind, 'label');
  assert.deepEqual(readCell('? 0'), { kind: 'value', value: 0, raw: '0' });
  assert.equal(readCell('?').kind, 'label');
});
