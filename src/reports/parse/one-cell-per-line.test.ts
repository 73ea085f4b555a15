// Text exported one cell per line, on a real excerpt (沭阳县发展和改革局 2023,
// test/fixtures/reports/real/2023-county-dept-shuyang-development-reform-bureau.txt): its
// 法人或其他组织 cells are empty lines between a row's two numbers. Empty lines that make a
// row exactly as wide as its table are blank cells; elsewhere they are spacing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMATS } from '../format/index.js';
import { parseReport } from './index.js';
import { headingSection } from './sections.js';

const EXCERPT = `三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况

自然人
法人或其他组织
总计
商业
企业
科研
机构
社会公益组织
法律服务机构
其他
一、本年新收政府信息公开申请数量
26





26
二、上年结转政府信息公开申请数量
0





0
三、本年度办理结果
（一）予以公开
26





26`;

function page(table: string): string {
  return [
    '沭阳县发展和改革局2023年政府信息公开年度报告',
    '一、总体情况',
    '2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神。',
    '二、主动公开政府信息情况',
    table,
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及整改措施',
    '（一）存在的主要问题。信息公开队伍专业化能力建设有待进一步提升。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
}

async function read(text: string) {
  const parsed = await parseReport({ bytes: new TextEncoder().encode(text), filename: 'x.txt' });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

test("empty lines between a row's numbers that fill it to its width are its blank cells", async () => {
  const { report, findings } = await read(page(EXCERPT));
  const t = report.tables.requests;
  assert.deepEqual(Object.values(t.received!), [26, null, null, null, null, null, 26]);
  assert.deepEqual(Object.values(t.carried_in!), [0, null, null, null, null, null, 0]);
  assert.deepEqual(Object.values(t.disclosed!), [26, null, null, null, null, null, 26]);
  assert.equal(
    findings.some((f) => f.code === 'CELL_AMBIGUOUS' && f.row === 'received'),
    false,
  );
});

test("empty lines that space a table's lines are not cells", async () => {
  // Every line spaced by two empty lines: the row of three reads as its three numbers.
  const spaced = ['第二十条第（一）项', '信息内容', '规章', '1', '', '', '2', '', '', '3'].join(
    '\n',
  );
  const { report } = await read(page(spaced));
  assert.deepEqual(report.tables.proactive.rules, { issued: 1, repealed: 2, in_force: 3 });
});

test('a section title as a report words it (「存在的主要问题及整改措施」) is that section', async () => {
  const sections = FORMATS['2021'].sections;
  assert.equal(headingSection('五、存在的主要问题及整改措施', sections, 3), 4);
  const { report } = await read(page(EXCERPT));
  assert.equal(report.sections[4]!.heading, '五、存在的主要问题及整改措施');
});
