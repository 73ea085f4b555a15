import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchFlags, suggestAgency, type FlagInput } from './matching.js';

const agencies = [
  { id: 'lsw', fullName: '灵山卫街道办事处', shortName: '灵山卫街道' },
  { id: 'xhd', fullName: '薛家岛街道办事处', shortName: '薛家岛街道' },
  { id: 'jy', fullName: '青岛市黄岛区教育和体育局', shortName: '区教育和体育局' },
];

describe('suggestAgency', () => {
  const cases: [string | null, string, string | null][] = [
    ['青岛市黄岛区灵山卫街道办事处', 'a.pdf', 'lsw'],
    ['灵山卫街道', 'x.txt', 'lsw'],
    [' 薛家岛 街道办事处 ', 'x.txt', 'xhd'],
    ['青岛市黄岛区教育和体育局', 'x.txt', 'jy'],
    [null, '2021年薛家岛街道政府信息公开年报.pdf', 'xhd'],
    ['某某县人民政府', '灵山卫街道2021.docx', 'lsw'],
    ['某某县人民政府', 'report.pdf', null],
    [null, '街道.pdf', null],
  ];
  for (const [name, file, expected] of cases)
    it(`${name ?? '（无名称）'} / ${file} → ${expected ?? '无'}`, () =>
      assert.equal(suggestAgency(name, file, agencies), expected));
});

describe('batchFlags', () => {
  const base: FlagInput = {
    id: 'a',
    seq: 1,
    sha256: 'h1',
    state: 'read',
    agencyId: 'lsw',
    confirmed: true,
    reportYear: 2021,
  };
  const cases: [string, FlagInput[], Record<string, string[]>][] = [
    ['a confirmed subordinate of the year counts', [base], { a: [] }],
    [
      'the second copy of the same content is flagged, the first counts',
      [base, { ...base, id: 'b', seq: 2 }],
      { a: [], b: ['duplicate'] },
    ],
    ['another year', [{ ...base, reportYear: 2020 }], { a: ['other_year'] }],
    ['not a subordinate', [{ ...base, agencyId: 'other' }], { a: ['outside'] }],
    ['no agency', [{ ...base, agencyId: null }], { a: ['unmatched'] }],
    ['a suggestion not yet confirmed', [{ ...base, confirmed: false }], { a: ['unconfirmed'] }],
    [
      'an unreadable file has no flags (it is not counted anyway)',
      [{ ...base, state: 'unreadable', agencyId: null }],
      { a: [] },
    ],
  ];
  for (const [name, rows, expected] of cases)
    it(name, () =>
      assert.deepEqual(
        Object.fromEntries(batchFlags(rows, 2021, new Set(['lsw', 'xhd']))),
        expected,
      ),
    );
});
