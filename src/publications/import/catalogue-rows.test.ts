import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRows, mapHeaders, parseLooseDate } from './catalogue-rows.js';

test('headers: the names of the issue and the variants real exports use', () => {
  const r = mapHeaders([
    '索引号',
    '标题',
    '发文机关',
    '发文字号',
    '生成日期',
    '发布时间',
    '主题词',
    '附件URL',
  ]);
  assert.ok(r.ok);
  assert.deepEqual(r.ok && r.map, {
    indexNumber: 0,
    title: 1,
    issuer: 2,
    documentNumber: 3,
    writtenOn: 4,
    publishedOn: 5,
    keywords: 6,
  });
  const bom = mapHeaders(['\uFEFF索引号', '名称（必填）', ' 发布机构 ', '发布日期']);
  assert.ok(bom.ok);
  const missing = mapHeaders(['序号', '标题', '发文日期']);
  assert.equal(missing.ok, false);
  assert.match(!missing.ok ? missing.error : '', /缺少以下列：索引号、发布机构/);
  // A second 内容 is a known name, not one to rename; 附件链接 is.
  const unknown = mapHeaders(['序号', '标题', '内容', '内容', '附件链接']);
  assert.match(!unknown.ok ? unknown.error : '', /文件中未识别的列：序号、附件链接。/);
  const noDate = mapHeaders(['索引号', '名称', '发布机构']);
  assert.match(!noDate.ok ? noDate.error : '', /成文日期/);
});

test('dates as exports write them', () => {
  const cases: [string, string | null][] = [
    ['2021-03-05', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021.03.05', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021-03-05 09:30:00', '2021-03-05'],
    ['２０２１－０３－０５', '2021-03-05'],
    ['2021-02-30', null],
    ['2021/13/01', null],
    ['去年三月', null],
  ];
  for (const [text, want] of cases) {
    const r = parseLooseDate(text, '成文日期');
    assert.equal(r.ok ? r.date : null, want, text);
  }
  const bad = parseLooseDate('2021-02-30', '成文日期');
  assert.match(!bad.ok ? bad.error : '', /2021年2月只有28天/);
});

test('rows: each refused with its row number and reason; the good ones kept whole', () => {
  const header = [
    '索引号',
    '名称',
    '发布机构',
    '文号',
    '成文日期',
    '发布日期',
    '主题分类',
    '有效性',
  ];
  const h = mapHeaders(header);
  assert.ok(h.ok);
  const rows = [
    [
      '000014349/2018-00222',
      '关于印发某办法的通知',
      '某区人民政府',
      '某政发〔2018〕1号',
      '2018-01-02',
      '2018-01-05',
      '城乡建设、环境保护\\城市规划',
      '有效',
    ],
    ['', '', '', '', '', '', '', ''],
    ['202103-00012', '某村低保公示', '某街道办事处', '', '2021-03-01', '', '民政、扶贫、救灾', ''],
    ['000014349/2018-00222', '重复', '某区人民政府', '', '2018-01-02', '', '', ''],
    ['000014349-2018-00222', '只差标点', '某区人民政府', '', '2018-01-02', '', '', ''],
    ['bad number!', '标题', '某区人民政府', '', '2018-01-02', '', '', ''],
    ['A-1', '', '某区人民政府', '', '2018-01-02', '', '', ''],
    ['A-2', '标题', '', '', '2018-01-02', '', '', ''],
    ['A-3', '标题', '某机关', '', '2018-02-29', '', '', ''],
    ['A-4', '标题', '某机关', '', '2018-03-01', '2018-02-01', '', ''],
    ['A-5', '标题', '某机关', '', '2018-03-01', '', '', '永久有效'],
    ['A-6', '标题\u202e反转', '某机关', '', '2018-03-01', '', '', ''],
  ];
  const r = checkRows(rows, h.ok ? h.map : {});
  assert.deepEqual(
    r.items.map((i) => i.line),
    [2, 4],
  );
  assert.deepEqual(
    r.rejected.map((x) => [x.line, x.reason]),
    [
      [5, '索引号与第 2 行重复'],
      [6, '索引号与第 2 行重复'],
      [7, '索引号「bad number!」格式无法识别（只能由字母、数字和 / - _ . 组成）'],
      [8, '缺少名称（标题）'],
      [9, '缺少发布机构'],
      [10, '成文日期「2018-02-29」不存在：2018年2月只有28天'],
      [11, '发布日期早于成文日期'],
      [12, '有效性「永久有效」无法识别，应为：有效、失效、废止或已修改'],
      [13, r.rejected.find((x) => x.line === 13)?.reason ?? ''],
    ],
  );
  assert.match(r.rejected.find((x) => x.line === 13)?.reason ?? '', /名称/);
  const [first, second] = r.items;
  assert.equal(first?.subject, '城乡建设、环境保护');
  assert.equal(first?.genre, '通知');
  assert.equal(first?.category, 'a20-1');
  assert.equal(first?.validity, 'valid');
  assert.equal(second?.publishedOn, '2021-03-01');
  assert.equal(second?.category, 'a20-15');
  assert.equal(second?.indexNumber, '202103-00012');
});

test('公开类别 not given: only what a title names as a 规章 or 规范性文件 goes under 第二十条（一）', () => {
  const header = ['索引号', '名称', '发布机构', '成文日期', '有效性'];
  const mapped = mapHeaders(header);
  assert.ok(mapped.ok);
  const row = (n: number, title: string, validity: string) => [
    `202101-0000${n}`,
    title,
    '灵山卫街道办事处',
    '2021-01-05',
    validity,
  ];
  const r = checkRows(
    [
      row(1, '灵山卫街道办事处关于印发《灵山卫街道物业管理办法》的通知', '有效'),
      row(2, '灵山卫街道征收土地预公告', '有效'),
      row(3, '灵山卫街道2021年第一季度临时救助情况公示', '有效'),
      row(4, '灵山卫街道城市管理网格化实施细则', '废止'),
      row(5, '灵山卫街道2021年春节慰问活动', '有效'),
      row(6, '灵山卫街道办事处关于做好春节期间安全生产工作的通知', ''),
      // Vendor portals mark every row 有效: the kind of 公文 alone files nothing under （一）.
      row(7, '关于做好春节期间安全生产工作的通知', '有效'),
      row(8, '关于印发《灵山卫街道城市管理综合执法管理办法》的通知', '有效'),
      row(9, '灵山卫街道办事处关于表彰2020年度先进集体和先进个人的决定', '有效'),
      row(10, '灵山卫街道办事处关于修改《灵山卫街道物业管理办法》的决定', '有效'),
      row(11, '灵山卫街道办事处关于推进老旧小区改造的实施意见', '有效'),
      row(12, '灵山卫街道办事处关于印发灵山卫街道低保审核审批细则（试行）的通知', '有效'),
      row(13, '关于印发《灵山卫街道2021年政务公开工作要点》的通知', '有效'),
    ],
    mapped.ok ? mapped.map : ({} as never),
  );
  assert.deepEqual(r.rejected, []);
  assert.deepEqual(
    r.items.map((i) => [i.line, i.genre, i.category]),
    [
      [2, '通知', 'a20-1'],
      [3, '公告', 'a20-15'],
      [4, '公示', 'a20-15'],
      [5, '其他', 'a20-1'],
      [6, '其他', 'a20-15'],
      [7, '通知', 'a20-15'],
      [8, '通知', 'a20-15'],
      [9, '通知', 'a20-1'],
      [10, '决定', 'a20-15'],
      [11, '决定', 'a20-1'],
      [12, '意见', 'a20-1'],
      [13, '通知', 'a20-1'],
      [14, '通知', 'a20-15'],
    ],
  );
});
