import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2019, FORMAT_2021 } from '../format/index.js';
import { decodeText } from './decode.js';
import { binaryKind, textKind } from './detect.js';
import { normaliseLabel, readCell, similarity } from './labels.js';
import { readAgencyFromHead, readSignature, readYear } from './metadata.js';
import { headingSection, missedSection } from './sections.js';
import { matchGroup, matchRow, printed, singleRowOfGroup } from './tables.js';

test('cells: numbers, blanks and marks, text', () => {
  assert.deepEqual(readCell('12'), { kind: 'value', value: 12, raw: '12' });
  assert.deepEqual(readCell(' 7730.28 '), { kind: 'value', value: 7730.28, raw: '7730.28' });
  assert.deepEqual(readCell('１，２３４'), { kind: 'value', value: 1234, raw: '１，２３４' });
  assert.deepEqual(readCell('-2'), { kind: 'value', value: -2, raw: '-2' });
  for (const blank of [null, '', '/', '／', '—', '-'])
    assert.equal((readCell(blank) as { value: unknown }).value, null);
  assert.deepEqual(readCell('无'), { kind: 'label', text: '无' });
  assert.deepEqual(readCell('2021年'), { kind: 'label', text: '2021年' });
});

test('labels are compared without numbering, spacing and punctuation', () => {
  assert.equal(normaliseLabel('（二）部分 公开（区分处理的）'), '部分公开区分处理的');
  assert.equal(
    normaliseLabel('[bookmark: x]5.要求行政机关确认或重 新出具'),
    '要求行政机关确认或重新出具',
  );
  assert.ok(similarity('其他法律行政止公开', '其他法律行政法规禁止公开') > 0.7);
  assert.ok(similarity('属于三类内部事务信息', '属于四类过程性信息') < 0.4);
});

test('rows by label: typos, wrapped fragments, numbers required for 「其他」「总计」', () => {
  const rows = FORMAT_2021.requests.rows;
  const key = (text: string, after = -1): string | undefined =>
    rows[matchRow(printed(text), rows, after)]?.key;
  assert.equal(key('2.其他法律行政止公开'), 'withheld.prohibited_by_law');
  assert.equal(key('5.要求行政机关确认或重 新出具'), 'not_processed.confirm_or_reissue');
  assert.equal(key('（二）部分公开（区分处理的，只计这一情 形，不'), 'partially_disclosed');
  assert.equal(key('3.其他', 21), 'other.other');
  assert.equal(key('（七）总计'), 'outcome_total');
  assert.equal(key('其他'), undefined, 'a column heading is not a row');
  assert.equal(key('总计'), undefined);
  assert.equal(key('丁么幵'), undefined);
  assert.equal(
    key('2021年，街道承接人大代表建议2件，均为协办，均已办结。行政许可事项按时公开。'),
    undefined,
  );
  const proactive = FORMAT_2021.proactive.blocks[0]!.rows;
  assert.equal(
    proactive[matchRow(printed('规范性文件'), proactive, -1)]?.key,
    'normative_documents',
    'the old label via its alias',
  );
});

test('groups and the single-row （六） of both formats', () => {
  assert.equal(matchGroup(printed('（三）不予公开'), FORMAT_2021), 'withheld');
  assert.equal(matchGroup(printed('（二）不'), FORMAT_2021), null, 'too garbled to guess');
  assert.equal(singleRowOfGroup('other', FORMAT_2021), 'other.other');
  assert.equal(singleRowOfGroup('other', FORMAT_2019), 'other.other');
  assert.equal(singleRowOfGroup('withheld', FORMAT_2021), null);
});

test('section headings by title, numbering kept as printed', () => {
  const s = FORMAT_2021.sections;
  assert.equal(headingSection('—、总体情况', s, -1), 0);
  assert.equal(headingSection('3、 收到和处理政府信息公开申请情况', s, 1), 2);
  assert.equal(headingSection('[bookmark: b]四、政府信息公开行政复议、行政诉讼情况', s, 2), 3);
  assert.equal(headingSection('三、本年度办理结果', s, 1), null);
  assert.equal(headingSection('四、结转下年度继续办理', s, 2), null);
  assert.equal(headingSection('一、总体情况', s, 3), null, 'sections only go forward');
});

test('section headings under their own wording, words before the title, no mark after the number', () => {
  const s = FORMAT_2021.sections;
  const key = (i: number | null) => (i === null ? null : s[i]!.key);
  // 金井片区管理局 2020: 「一总体情况」; a sentence starting 「一是」 is no heading.
  assert.equal(key(headingSection('一总体情况', s, -1)), 'overview');
  assert.equal(headingSection('一是加强组织领导', s, -1), null);
  // 君山片区管理局 2019 and 2025: the title with words before it, and the report's own titles.
  assert.equal(
    key(headingSection('五、政府信息公开工作存在的主要问题及改进情况', s, 3)),
    'problems',
  );
  assert.equal(key(headingSection('一、年度工作核心成效', s, -1)), 'overview');
  assert.equal(key(headingSection('五、当前存在的突出问题', s, 3)), 'problems');
  assert.equal(key(headingSection('七、其他需说明事项', s, 4)), 'other');
  // 苏平片区管理局 2023–2025: 六 (its 信息处理费) printed as 五, then 五 as 六.
  assert.equal(key(headingSection('五、信息处理费收取情况', s, 3)), 'other');
  const found = [true, true, true, true, false, true];
  assert.equal(key(missedSection('六、存在的主要问题和改进情况', s, found)), 'problems');
  assert.equal(
    missedSection('六、存在的主要问题和改进情况', s, [true, true, true, true, false, false]),
    null,
    'only once the other closing section is found',
  );
});

test('year, agency and signature', () => {
  assert.equal(readYear('灵山卫街道\n2021年政府信息公开工作年度报告'), 2021);
  assert.equal(
    readYear('报告中所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止'),
    2023,
  );
  assert.equal(
    readAgencyFromHead('本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制'),
    '淮安市洪泽区人民政府',
  );
  assert.equal(readAgencyFromHead('示例县财政局2022年政府信息公开工作年度报告'), '示例县财政局');
  assert.equal(readAgencyFromHead('示例县财政局2022年度政府信息公开工作报告'), '示例县财政局');
  assert.equal(readYear('示例县财政局2022年度政府信息公开工作报告'), 2022);
  // A crawler's field name before the title (平潭 archive), a letter sending the report, a
  // place for its government.
  assert.equal(
    readAgencyFromHead('标题: 平潭综合实验区苏平片区管理局2023年政府信息公开工作年度报告'),
    '平潭综合实验区苏平片区管理局',
  );
  assert.equal(
    readAgencyFromHead(
      '标题: 平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函',
    ),
    '平潭综合实验区苏平片区管理局',
  );
  assert.equal(
    readAgencyFromHead('标题: 平潭综合实验区2025年度政府信息公开工作年度报告'),
    '平潭综合实验区',
  );
  assert.equal(readAgencyFromHead('发布时间: 2026-03-10 12:56'), null);
  // The year first, then the agency (上海); and such a title wrapped over two lines, as the
  // PDF-to-Markdown conversions of 上海市科委 2024 and 上海市人民政府办公厅 2025 print it.
  assert.equal(
    readAgencyFromHead('2019年上海市人民政府办公厅政府信息公开工作年度报告'),
    '上海市人民政府办公厅',
  );
  assert.equal(
    readAgencyFromHead(
      '正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据《中华人民共和国政府',
    ),
    '上海市科委',
  );
  assert.equal(
    readAgencyFromHead('2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告根据'),
    '上海市人民政府办公厅',
  );
  assert.equal(readYear('2025 年上海市人民政府办公厅政府信息公开\n工作年度报告'), 2025);
  // The agency alone on the line above the year and the rest (建平县, 松木塘镇), and a 街 as
  // the report names itself (佳荣里街); a page's label above the year is no agency.
  assert.equal(
    readAgencyFromHead('建平县卫生健康局\n2020年度政府信息公开工作报告\n2020年，在县政府'),
    '建平县卫生健康局',
  );
  assert.equal(
    readAgencyFromHead(
      '2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告',
    ),
    '桃江县松木塘镇人民政府',
  );
  assert.equal(readAgencyFromHead('佳荣里街2021年政府信息公开工作年度报告'), '佳荣里街');
  assert.equal(readAgencyFromHead('访问量:\n2023年政府信息公开工作年度报告'), null);
  assert.equal(
    readAgencyFromHead('各乡镇信息公开 > 对坊乡 > 年度报告\n2023年政府信息公开工作年度报告'),
    null,
  );
  // Two lines are joined only when the second ends the title; a year-first sentence about
  // 「本乡」 or a bare 「2021年政府信息公开工作年度报告」 names no one.
  assert.equal(
    readAgencyFromHead('2023年上海市科委加强政务公开\n工作机制，完善年度报告制度'),
    null,
  );
  assert.equal(readAgencyFromHead('编制2023年度本乡政府信息公开年度报告'), null);
  assert.equal(readAgencyFromHead('2023年度本乡政府信息公开年度报告'), null);
  assert.equal(readAgencyFromHead('2021年政府信息公开工作年度报告'), null);
  // The title said in a sentence: the name after its verb; 「我局」 and another agency's
  // document title name no one.
  assert.equal(
    readAgencyFromHead(
      '根据《中华人民共和国政府信息公开条例》要求,特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告',
    ),
    '湛江市人民政府地方志办公室',
  );
  assert.equal(
    readAgencyFromHead(
      '根据《中华人民共和国政府信息公开条例》规定,现公布我局2022年政府信息公开工作年度报告',
    ),
    null,
  );
  assert.equal(
    readAgencyFromHead('根据《条例》和《平武县人民政府办公室2021年政府信息公开工作年度报告'),
    null,
  );
  assert.deepEqual(readSignature(['……水平。', '灵山卫街道办事处', '2022年1月18日']), {
    agency: '灵山卫街道办事处',
    publishedOn: '2022-01-18',
    lines: 2,
  });
  assert.deepEqual(readSignature(['二〇二四年一月十五日']), {
    agency: null,
    publishedOn: '2024-01-15',
    lines: 1,
  });
  assert.deepEqual(readSignature(['2022年2月30日']), { agency: null, publishedOn: null, lines: 1 });
});

test('kinds by bytes first, then name, then content; encodings', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  assert.equal(binaryKind(enc('%PDF-1.7')), 'pdf');
  assert.equal(binaryKind(enc('\r\n%PDF-1.4')), 'pdf');
  assert.equal(binaryKind(enc('PK\x03\x04')), 'zip');
  assert.equal(textKind(' {"a":1}', 'a.txt'), 'json');
  assert.equal(textKind('<!DOCTYPE html>', 'a.txt'), 'html');
  assert.equal(textKind('一、总体情况', 'a.md'), 'markdown');
  assert.equal(textKind('| a | b |\n|---|---|\n| 1 | 2 |'), 'markdown');
  assert.equal(textKind('一、总体情况\n8\n8'), 'text');
  assert.equal(
    decodeText(new Uint8Array([0xc4, 0xea, 0xb6, 0xc8])),
    '年度',
    'invalid UTF-8 is GB18030',
  );
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xb9, 0xb4])), '年');
  assert.equal(decodeText(new Uint8Array([0xfe, 0xff, 0x5e, 0x74])), '年');
});

test('a long run of digits is a value, its raw kept for cutting: seven cells of table 三 run together', () => {
  // 722, 1252, 972, 1045, 407, 1202, 5600: 25 digits, more than any one number a table prints.
  const run = readCell('7221252972104540712025600');
  assert.equal(run.kind, 'value');
  assert.equal(run.kind === 'value' ? run.raw : null, '7221252972104540712025600');
  // Longer than any row of cells could run to: text, as before.
  assert.equal(readCell('1'.repeat(41)).kind, 'label');
  assert.equal(readCell('第1234567890123456789012345号').kind, 'label');
});
