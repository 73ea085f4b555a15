// The run-on step on a real crawler line: 平潭综合实验区自然资源与生态环境局 2023 (test/fixtures/
// reports/real/2023-city-dept-pingtan-natural-resources-crawler.txt, from the 平潭 crawl archive
// changwu/pingtan-gov-zwgk-archive), its article from table 二 to table 四 as the crawler saved it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport, mergeFindings } from '../checks/index.js';
import { mayRunTogether } from './run-together.js';
import { isRunOn, runOnLines } from './run-on-text.js';
import { readingFromText } from './stated-counts.js';
import { FORMATS } from '../format/index.js';
import { parseText } from './test-support.js';

const TABLES =
  '二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件2135第二十条第' +
  '（五）项信息内容本年处理决定数量行政许可315第二十条第（六）项信息内容本年处理决定数量行政处罚35行政强制0第二十条第（八）项信息内容本年' +
  '收费金额（单位：万元）行政事业性收费0 三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之' +
  '和） 申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量 ' +
  '190000019二、上年结转政府信息公开申请数量 0000000三、本年度办理结果 （一）予以公开 6000006（二）部分公开（区分处理' +
  '的，只计这一情形，不计其他情形） 8100008（三）不予公开 1.属于国家秘密 00000002.其他法律行政法规禁止公开 0000000' +
  '3.危及“三安全一稳定” 00000004.保护第三方合法权益 00000005.属于三类内部事务信息 00000006.属于四类过程性信息' +
  ' 00000007.属于行政执法案卷 00000008.属于行政查询事项 0000000（四）无法提供 1.本机关不掌握相关政府信息 400' +
  '00042.没有现成信息需要另行制作 00000003.补正后申请内容仍不明确 0000000（五）不予处理 1.信访举报投诉类申请 000' +
  '00002.重复申请 00000003.要求提供公开出版物 00000004.无正当理由大量反复申请 00000005.要求行政机关确认或重' +
  '新出具已获取信息 0000000（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 00000002.申请人' +
  '逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 00000003.其他 1000001（七）总计 191000019四、结' +
  '转下年度继续办理 0000000四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未' +
  '经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 00 0 0 01 ' +
  '0 0 0 1 0 0 0 00 ';

const ARTICLE =
  '根据《中华人民共和国政府信息公开条例》要求，现编制完成了本报告。一、总体情况 2023年，全年政府信息主动公开52条；办理依申请公开19件。' +
  TABLES +
  '五、存在的主要问题及改进情况 2023年，主要存在在与群众互动不够紧密等问题。六、其他需要报告的事项 2023年，无收取信息处理费情况。 平潭综合实验区自然资源与生态环境局2024年1月5日';

const cellsOf = (label: string) => {
  const line = runOnLines(ARTICLE)!.find((l) => l.cells[0] === label);
  assert.ok(line, `no line for ${label}`);
  return line.cells.slice(1);
};

test('a crawler line holding the whole report is broken at the section headings', () => {
  assert.equal(isRunOn(ARTICLE), true);
  const lines = runOnLines(ARTICLE)!;
  const texts = lines.map((l) => l.cells[0]);
  for (const heading of [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ])
    assert.ok(texts.includes(heading), heading);
  // The narrative after a heading is its own paragraph, not part of the heading.
  assert.ok(texts.includes('2023年，全年政府信息主动公开52条；办理依申请公开19件。'));
});

test("a label's own number is not read as a digit of the row before it", () => {
  // 「1.属于国家秘密 00000002.其他法律…」: seven zeros, then the label 「2.其他法律…」.
  assert.deepEqual(cellsOf('1.属于国家秘密'), ['0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(cellsOf('2.其他法律行政法规禁止公开'), ['0', '0', '0', '0', '0', '0', '0']);
  // 「…不掌握相关政府信息 40000042.没有现成…」: 4, 0, 0, 0, 0, 0, 4, then 「2.」.
  assert.deepEqual(cellsOf('1.本机关不掌握相关政府信息'), ['4', '0', '0', '0', '0', '0', '4']);
  assert.deepEqual(cellsOf('3.其他'), ['1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(cellsOf('（三）不予公开'), []);
});

test("a run with one digit a cell is cut into its digits; a longer run is left to the table's sums", () => {
  assert.deepEqual(cellsOf('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), [
    '8',
    '1',
    '0',
    '0',
    '0',
    '0',
    '8',
  ]);
  assert.deepEqual(cellsOf('一、本年新收政府信息公开申请数量'), ['190000019']);
  assert.deepEqual(cellsOf('规章'), ['0', '0', '0']);
  assert.deepEqual(cellsOf('行政规范性文件'), ['2135']);
  assert.deepEqual(cellsOf('行政许可'), ['315']);
  // Table 四's fifteen digits, with the crawler's stray spaces (「00 0 0 01 …」).
  const review = runOnLines(ARTICLE)!.find((l) => l.cells.length === 15)!;
  assert.deepEqual(review.cells.join(''), '000001000100000');
  assert.equal(review.cells.length, 15);
});

test('lines that are not a report run together are left alone', () => {
  const prose = '本机关认真落实《条例》要求，属于国家秘密的信息不予公开，'.repeat(30);
  assert.equal(isRunOn(prose), false);
  assert.equal(runOnLines(prose), null);
  assert.equal(runOnLines('1.属于国家秘密 0 0 0 0 0 0 0'), null);
});

test('the crawler report reads, and its real errors are found, not guessed ones', async () => {
  const parsed = await parseText(
    `平潭综合实验区自然资源与生态环境局2023年政府信息公开工作年度报告\n${ARTICLE}`,
  );
  const t = parsed.report.tables;
  assert.deepEqual(Object.values(t.requests.received!), [19, 0, 0, 0, 0, 0, 19]);
  assert.deepEqual(Object.values(t.review.litigation_direct!), [1, 0, 0, 0, 1]);
  // （七）总计 「191000019」: no cut keeps its own 总计 (the report's 19+1 ≠ 19), so it is unreadable.
  assert.ok(Object.values(t.requests.outcome_total!).every((v) => v === null));
  const note = parsed.findings.find((f) => f.row === 'outcome_total');
  assert.match(note?.message ?? '', /“191000019”），未能可靠读取：没有一种拆分符合本行的“总计”/u);
  const errors = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.row}/${f.column}`);
  // 「8100008」 is 8, 1, …, 8 as printed: its 总计 does not add up, and that is the report's.
  assert.deepEqual(errors, ['T3_TOTAL_COLUMN partially_disclosed/total']);
});

test('leading zeros mean cells run together even when spaces survive', () => {
  // 「（七）总计23 0 00 0 023」 (平潭 2019): no table prints 「00」 or 「023」.
  assert.equal(mayRunTogether(['23', '0', '00', '0', '023'], 7), true);
  assert.equal(mayRunTogether(['23', '0', '0', '0', '0', '23'], 7), false);
});

test("table 二's three numbers run together are read from the text only where it states them strictly", () => {
  const block = FORMATS['2021'].proactive.blocks[0]!;
  const cuts = (digits: string) => {
    const out: number[][] = [];
    for (let a = 1; a < digits.length - 1; a++)
      for (let b = a + 1; b < digits.length; b++) {
        const parts = [digits.slice(0, a), digits.slice(a, b), digits.slice(b)];
        if (parts.every((p) => p === '0' || !p.startsWith('0'))) out.push(parts.map(Number));
      }
    return out;
  };
  // 平潭综合实验区 2022: 「现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件」.
  const pingtan2022 = '集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。';
  assert.deepEqual(
    readingFromText(cuts('8855698'), pingtan2022, block, 'normative_documents')?.cells,
    [88, 55, 698],
  );
  // 平潭 2023 says 393 in force while its table prints 470: no cut agrees, nothing is read.
  const pingtan2023 =
    '清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。';
  assert.equal(readingFromText(cuts('77132470'), pingtan2023, block, 'normative_documents'), null);
  // 「其中行政规范性文件8条」 names no column (published, not 制发): it decides nothing.
  assert.equal(
    readingFromText(
      cuts('8028'),
      '各类信息390余条，其中行政规范性文件8条。',
      block,
      'normative_documents',
    ),
    null,
  );
  // Two numbers stated for one column decide nothing either.
  assert.equal(
    readingFromText(
      cuts('6034'),
      '制发行政规范性文件6件……制发行政规范性文件60件',
      block,
      'normative_documents',
    ),
    null,
  );
  assert.deepEqual(
    readingFromText(cuts('6034'), '全年共制发行政规范性文件6件。', block, 'normative_documents')
      ?.cells,
    [6, 0, 34],
  );
});

test('a section of the agency’s own after table 四 ends the table; later sections are found by title', async () => {
  // 平潭苏平片区管理局 2023 (2023-county-gov-pingtan-suping-area-crawler.txt): a section
  // 「五、信息处理费收取情况」 of its own after table 四's numbers, so 存在的主要问题 is 「六、」
  // and 其他需要报告的事项 would be 「七、」.
  const tail = TABLES.replace(/00 0 0 01 0 0 0 1 0 0 0 00 $/u, '000000000000000');
  const article =
    '一、总体情况 2023年，我局主动公开信息52条。' +
    tail +
    '五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况000' +
    '六、存在的主要问题和改进情况（一）存在的主要问题 公开不及时。七、其他需要报告的事项 无。';
  const lines = runOnLines(article)!;
  const texts = lines.map((l) => l.cells.join(' '));
  assert.ok(texts.includes(Array(15).fill('0').join(' ')), 'table 四: fifteen cells');
  assert.ok(texts.some((t) => t.startsWith('五、信息处理费收取情况')));
  assert.ok(texts.includes('六、存在的主要问题和改进情况'));
  assert.ok(texts.includes('七、其他需要报告的事项'));
  const parsed = await parseText(article);
  assert.equal(parsed.report.tables.review['reconsideration']?.['total'], 0);
  for (const key of ['problems', 'other'])
    assert.ok(parsed.report.sections.find((s) => s.key === key)?.heading, key);
});

test('a signed 本年增/减 run into the cells after it is cut one digit a cell', () => {
  // 平潭管委会办公室 2019 and 2020, the 2019 format: 「行政许可1-10」 is 1, −1, 0; 「0+11」 is 0, +1, 1.
  for (const [printed, cells] of [
    ['1-10', ['1', '-1', '0']],
    ['0+11', ['0', '+1', '1']],
    ['2-103', ['2-103']],
  ] as const) {
    const article = ARTICLE.replace(
      '第二十条第（五）项信息内容本年处理决定数量行政许可315',
      `第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可${printed}`,
    );
    const line = runOnLines(article)!.find((l) => l.cells[0] === '行政许可')!;
    // 「2-103」 has more digits than cells after the sign: left as printed, never guessed.
    assert.deepEqual(line.cells.slice(1), cells, printed);
  }
});

test('sections under titles of their own are found, so none is reported missing', async () => {
  // 平潭君山片区管理局 2025 (2025-county-gov-pingtan-junshan-area-crawler.txt): 「一、年度工作核心成效」,
  // 「五、当前存在的突出问题」, 「六、下一步改进举措」, 「七、其他需说明事项」, every part present.
  const article =
    '根据《条例》要求，现编制完成了本报告。一、年度工作核心成效（一）主动公开多点发力，覆盖范围持续拓宽。' +
    TABLES +
    '五、当前存在的突出问题过去一年中，我局在政府信息公开工作中取得了成效。六、下一步改进举措 针对上述问题，我局将采取以下改进措施。' +
    '七、其他需说明事项2025年度，我局未收取信息处理费。';
  const parsed = await parseText(article);
  const findings = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report);
  assert.deepEqual(
    findings.filter((f) => f.code === 'SECTION_MISSING').map((f) => f.section),
    [],
  );
  const heading = (key: string) => parsed.report.sections.find((s) => s.key === key)?.heading;
  assert.equal(heading('overview'), '一、年度工作核心成效');
  assert.equal(heading('problems'), '五、当前存在的突出问题');
  assert.equal(heading('other'), '七、其他需说明事项');
});

test('a section not found beside a heading the reader cannot place is a note, not a missing section', async () => {
  const read = async (ending: string) => {
    const parsed = await parseText(`一、总体情况 2023年，我局主动公开信息52条。${TABLES}${ending}`);
    return mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report).filter(
      (f) => f.section === 'other',
    );
  };
  // 「六、年度信息处理费」: a title no alias knows, where section 六 would be.
  const unsure = await read('五、存在的主要问题及改进情况 公开不及时。六、年度信息处理费 未收取。');
  assert.deepEqual(
    unsure.map((f) => [f.code, f.severity]),
    [['CELL_AMBIGUOUS', 'warning']],
  );
  assert.match(
    unsure[0]!.message,
    /未能找到第六部分“其他需要报告的事项”的标题.*六、年度信息处理费/u,
  );
  // Nothing after 五 but its text: the section is absent, an error as before.
  const absent = await read('五、存在的主要问题及改进情况 公开不及时。');
  assert.deepEqual(
    absent.map((f) => [f.code, f.severity]),
    [['SECTION_MISSING', 'error']],
  );
});
