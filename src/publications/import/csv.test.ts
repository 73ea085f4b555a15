import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './csv.js';

test('CSV as spreadsheets write it', () => {
  const cases: [string, string[][]][] = [
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"x, y","say ""hi"""\n', [['x, y', 'say "hi"']]],
    ['"two\nlines",z\n', [['two\nlines', 'z']]],
    ['a,,c\n\n1,2,3\n', [['a', '', 'c'], [], ['1', '2', '3']]],
    ['"",b\n', [['', 'b']]],
    [
      '索引号,名称\n000014349/2018-00222,关于征地的公告',
      [
        ['索引号', '名称'],
        ['000014349/2018-00222', '关于征地的公告'],
      ],
    ],
  ];
  for (const [text, want] of cases) assert.deepEqual(parseCsv(text), want, JSON.stringify(text));
});
