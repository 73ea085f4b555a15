import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchFlags, suggestAgency, type AgencyName, type FlagInput } from './matching.js';

type Case = [reportAgency: string | null, fileName: string, expected: string | null];

function suggests(list: string, agencies: readonly AgencyName[], cases: readonly Case[]) {
  describe(`suggestAgency: ${list}`, () => {
    for (const [name, file, expected] of cases)
      it(`${name ?? '（无名称）'} / ${file} → ${expected ?? '无'}`, () =>
        assert.equal(suggestAgency(name, file, agencies), expected));
  });
}

// 黄岛区's streets and a bureau, and the district's government beside them: 「黄岛区」 is
// contained in the bureau's full name and in every street's report's name.
const huangdao = [
  { id: 'hd', fullName: '青岛市黄岛区人民政府', shortName: '黄岛区' },
  { id: 'lsw', fullName: '灵山卫街道办事处', shortName: '灵山卫街道' },
  { id: 'xhd', fullName: '薛家岛街道办事处', shortName: '薛家岛街道' },
  { id: 'jy', fullName: '青岛市黄岛区教育和体育局', shortName: '区教育和体育局' },
];
suggests('黄岛区 and its streets', huangdao, [
  ['青岛市黄岛区灵山卫街道办事处', 'a.pdf', 'lsw'],
  ['灵山卫街道', 'x.txt', 'lsw'],
  [' 薛家岛 街道办事处 ', 'x.txt', 'xhd'],
  ['青岛市黄岛区教育和体育局', 'x.txt', 'jy'],
  ['教育和体育局', 'x.txt', 'jy'],
  [null, '2021年薛家岛街道政府信息公开年报.pdf', 'xhd'],
  [null, '2021年灵山卫街道政府信息公开工作年度报告.pdf', 'lsw'],
  ['某某县人民政府', '灵山卫街道2021.docx', 'lsw'],
  ['某某县人民政府', 'report.pdf', null],
  [null, '街道.pdf', null],
  // The district's own report, by its full name, its short name or its title.
  ['青岛市黄岛区人民政府', 'x.pdf', 'hd'],
  ['青岛市黄岛区', 'x.pdf', 'hd'],
  [null, '黄岛区2021年政府信息公开工作年度报告.pdf', 'hd'],
  // A street the list does not hold is not the district's, nor is a street's own centre.
  ['青岛市黄岛区长江路街道办事处', 'x.pdf', null],
  [null, '2021年黄岛区长江路街道政府信息公开工作年度报告.pdf', null],
  ['灵山卫街道社区卫生服务中心', 'x.pdf', null],
]);

// 平潭综合实验区 (its reports call it so, 0021) and bureaus whose names all contain it.
const pingtan = [
  { id: 'pt', fullName: '平潭综合实验区管理委员会', shortName: '平潭综合实验区' },
  { id: 'gwb', fullName: '平潭综合实验区管委会办公室', shortName: '管委会办公室' },
  { id: 'sy', fullName: '平潭综合实验区社会事业局', shortName: '区社会事业局' },
  { id: 'cj', fullName: '平潭综合实验区财政金融局', shortName: '区财政金融局' },
];
suggests('平潭综合实验区 and its bureaus', pingtan, [
  ['平潭综合实验区', 'x.pdf', 'pt'],
  ['平潭综合实验区管委会', 'x.pdf', 'pt'],
  [null, '平潭综合实验区2019年政府信息公开工作年度报告.txt', 'pt'],
  ['平潭综合实验区管委会办公室', 'x.pdf', 'gwb'],
  ['平潭综合实验区社会事业局', 'x.pdf', 'sy'],
  [null, '平潭综合实验区财政金融局2021年度政府信息公开工作报告.docx', 'cj'],
  // A sibling bureau the list does not hold is never the government's.
  ['平潭综合实验区交通与建设局', 'x.pdf', null],
  [null, '平潭综合实验区交通与建设局2021年度政府信息公开工作报告.pdf', null],
  // More than the government's name, and no bureau's: the name says too little.
  ['平潭综合实验区综合执法', 'x.pdf', null],
  // A bureau's name cut short is still the one name it begins.
  ['平潭综合实验区社会事业', 'x.pdf', 'sy'],
]);

// Without the government in the list, its report is given to none of its bureaus.
suggests('平潭综合实验区 bureaus without the government', pingtan.slice(1), [
  ['平潭综合实验区', 'x.pdf', null],
  [null, '平潭综合实验区2020年政府信息公开工作年度报告.pdf', null],
  ['平潭综合实验区社会事业局', 'x.pdf', 'sy'],
]);

// A 市 and its 市政府办公室: each name contains the other's beginning.
const fuzhou = [
  { id: 'fz', fullName: '福州市人民政府', shortName: '福州市' },
  { id: 'fzb', fullName: '福州市人民政府办公室', shortName: '市政府办公室' },
];
suggests('a 市 and its 市政府办公室', fuzhou, [
  ['福州市人民政府', 'x.pdf', 'fz'],
  ['福州市', 'x.pdf', 'fz'],
  [null, '福州市2021年政府信息公开工作年度报告.pdf', 'fz'],
  ['福州市人民政府办公室', 'x.pdf', 'fzb'],
  ['福州市政府办公室', 'x.pdf', 'fzb'],
  [null, '福州市人民政府办公室2021年度政府信息公开工作报告.pdf', 'fzb'],
  // The 办公厅 is another body: neither the 市 nor its 办公室.
  ['福州市人民政府办公厅', 'x.pdf', null],
]);
suggests('a 市政府办公室 without its 市', fuzhou.slice(1), [
  ['福州市人民政府', 'x.pdf', null],
  ['福州市', 'x.pdf', null],
]);

// A street beside its own office: the office's name contains the street's.
suggests(
  'a street and its office',
  huangdao.concat([
    { id: 'lsw2', fullName: '灵山卫街道党政办公室', shortName: '灵山卫街道党政办' },
  ]),
  [
    ['黄岛区灵山卫街道', 'x.pdf', 'lsw'],
    ['青岛市黄岛区灵山卫街道党政办公室', 'x.pdf', 'lsw2'],
    ['灵山卫街道党群服务中心', 'x.pdf', null],
  ],
);
suggests(
  'two bureaus with the same short name',
  [
    { id: 'a', fullName: '甲县教育局', shortName: '县教育局' },
    { id: 'b', fullName: '乙县教育局', shortName: '县教育局' },
  ],
  [
    ['县教育局', 'x.pdf', null],
    ['甲县教育局', 'x.pdf', 'a'],
  ],
);
suggests(
  'a text contained in several names',
  [
    { id: 'a', fullName: '青岛市黄岛区教育和体育局', shortName: '区教育和体育局' },
    { id: 'b', fullName: '青岛市城阳区教育和体育局', shortName: '城阳区教体局' },
  ],
  [['教育和体育局', 'x.pdf', null]],
);

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
