// Tables that a PDF-to-Markdown converter broke up, on real excerpts printed as found:
// 上海市科委 2024 (test/fixtures/reports/real/2024-city-dept-shanghai-science-commission.md),
// whose table 三 lost most row labels to the lines above its pieces, and 上海市人民政府办公厅
// 2025 (…/2025-province-shanghai-government-office.md), whose labels are cut across cells and
// one printed out of order. Each rule is checked on the lines where the report needs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport, mergeFindings } from '../checks/index.js';
import { FORMATS } from '../format/index.js';
import { linesFromMarkdown } from './from-markdown.js';
import { parseReport } from './index.js';
import { missedSection, subheadingSection } from './sections.js';

const SECTIONS = FORMATS['2021'].sections;

function page(body: string): string {
  return [
    '2024 年上海市科委政府信息公开工作年度报告',
    '一、总体情况',
    '市科委扎实推进本部门政务公开工作。',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    body,
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
}

async function read(markdown: string) {
  const parsed = await parseReport({ bytes: new TextEncoder().encode(markdown), filename: 'x.md' });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

/** 上海市科委 2024, table 三 as the converter left it (lines 99–178 of the fixture). */
const SCIENCE_TABLE_3 = `## 表三：收到和处理政府信息公开申请情况
| 业 | 构 | 益组织 | 务机构 |  |  |  |  |  |
|---|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |  |
| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |  |
| 三、 | （一）予以公开 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|

（二）部分公开（区分处理的，只
度办
理结计这一情形，不计其他情形）
果
2.其他法律行政法规禁
止公开
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|
| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

（三）不
予公开
5.属于三类内部事务信
息
1.本机关不掌握相关政
府信息
| 1 | 0 | 0 | 0 | 0 | 0 | 1 |
|---|---|---|---|---|---|---|
| 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
|---|---|---|---|---|---|---|---|
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4 | 0 | 0 | 0 | 0 | 0 | 4 |
|---|---|---|---|---|---|---|

（四）无2.没有现成信息需要另
法提供行制作
3.补正后申请内容仍不
明确
| 6 | 0 | 0 | 0 | 0 | 0 | 6 |
|---|---|---|---|---|---|---|
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|
| 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

（五）不
予处理4.无正当理由大量反复
申请
5.要求行政机关确认或
重新出具已获取信息
1.申请人无正当理由逾
期不补正、行政机关不
再处理其政府信息公开
申请
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|
| 8 | 2 | 0 | 0 | 0 | 0 | 10 |
|---|---|---|---|---|---|---|

（六）其
他处理
2.申请人逾期未按收费
通知要求缴纳费用、行
政机关不再处理其政府
信息公开申请
1
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|
| 3.其他 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
|---|---|---|---|---|---|---|---|
| （七）总计 | 33 | 2 | 0 | 0 | 0 | 0 | 35 |
| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |`;

test('labels stacked above a table take its unlabelled rows in order; a stray number outside it is no cell', async () => {
  const { report, findings } = await read(page(SCIENCE_TABLE_3));
  const t = report.tables.requests;
  const row = (key: string) => Object.values(t[key]!);
  // 「5.属于三类内部事务信」 and 「1.本机关不掌握相关政」 stand above 「| 1 | … | 1 |」 … 「| 4 | … | 4 |」.
  assert.deepEqual(row('withheld.internal_affairs'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row('unavailable.not_held'), [4, 0, 0, 0, 0, 0, 4]);
  // 「（四）无2.没有现成信息需要另」 is two columns' text: the row label starts at 「2.」.
  assert.deepEqual(row('unavailable.needs_creation'), [6, 0, 0, 0, 0, 0, 6]);
  assert.deepEqual(row('unavailable.unclear_after_correction'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row('other.correction_overdue'), [8, 2, 0, 0, 0, 0, 10]);
  // The 「1」 alone on a line before the 2.申请人逾期… row is not one of its cells.
  assert.deepEqual(row('other.fee_unpaid'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row('other.other'), [4, 0, 0, 0, 0, 0, 4]);
  // Each row read without its label says so, and the stray number is reported.
  const notes = findings.filter((f) => f.code === 'CELL_AMBIGUOUS').map((f) => f.row);
  for (const key of ['withheld.internal_affairs', 'unavailable.not_held', 'other.fee_unpaid'])
    assert.ok(notes.includes(key), `no reading note on ${key}`);
  const all = mergeFindings(findings, checkReport(report), report);
  assert.deepEqual(
    all.filter((f) => f.severity === 'error').map((f) => f.code),
    [],
  );
});

/** 上海市科委 2024, table 二 (lines 74–89): block （一）'s heading alone, its rows after block （八）. */
const SCIENCE_TABLE_2 = `第二十条第（一）项
第二十条第（五）项
信息内容本年处理决定数量
行政许可 97
第二十条第（六）项
信息内容本年处理决定数量
行政处罚 0
行政强制 0
第二十条第（八）项
信息内容本年收费金额（单位：万元）
行政事业性收费 0
## 表二：主动公开政府信息情况
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 13 | 0 | 55 |`;

test('table 二 rows printed under a later block heading, and rows left as text, are read', async () => {
  const { report } = await read(page('').replace('三、收到', `${SCIENCE_TABLE_2}\n三、收到`));
  const p = report.tables.proactive;
  assert.deepEqual(p.rules, { issued: 0, repealed: 0, in_force: 0 });
  assert.deepEqual(p.normative_documents, { issued: 13, repealed: 0, in_force: 55 });
  assert.deepEqual(p.licensing, { decisions: 97 });
  assert.deepEqual(p.fees, { amount_wan_yuan: 0 });
});

/** 上海市人民政府办公厅 2025, table 三 from （四）无法提供 to （七）总计 (lines 135–169). */
const OFFICE_ROWS = `（四）无
| 2.没有现成信息需要另行制作 | 47 | 1 | 0 | 0 | 0 | 0 | 48 |
|---|---|---|---|---|---|---|---|

三、本法提供
年度办
理结果
5.要求行政机关确认或重新出具
已获取信息
1.申请人无正当理由逾期不补正、
开申请
| 3.补正后申请内容仍不明确 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
|---|---|---|---|---|---|---|---|
| 1.信访举报投诉类申请 | 61 | 1 | 0 | 0 | 0 | 0 | 62 |
|---|---|---|---|---|---|---|---|
| 2.重复申请 | 16 | 0 | 0 | 0 | 0 | 0 | 16 |  |
|---|---|---|---|---|---|---|---|---|
| （五）不 | 3.要求提供公开出版物 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 予处理 | 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|
| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 43 |
|---|---|---|---|---|---|---|---|

（六）其
2.申请人逾期未按收费通知要求
他处理
府信息公开申请
— 5 —
| 缴纳费用、 | 行政机关不再处理其政 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|---|
| 3.其他 | 264 | 12 | 0 | 0 | 0 | 0 | 276 |
|---|---|---|---|---|---|---|---|
| （七）总计 | 1139 | 48 | 0 | 0 | 4 | 0 | 1191 |
| 四、结转下年度继续办理 | 290 | 3 | 0 | 0 | 0 | 0 | 293 |`;

test('a label printed out of order does not lose the rows before it; a label cut across cells is one label', async () => {
  const head = [
    '| 一、本年新收政府信息公开申请数量 | 1259 | 36 | 0 | 0 | 0 | 0 | 1295 |',
    '| 1.本机关不掌握相关政府信息 | 484 | 28 | 0 | 0 | 1 | 0 | 513 |  |',
  ].join('\n');
  const { report } = await read(page(`${head}\n${OFFICE_ROWS}`));
  const row = (key: string) => Object.values(report.tables.requests[key]!);
  // 「5.要求行政机关确认或重新出具」 above 「| 3.补正后申请内容仍不明确 | 3 | …」.
  assert.deepEqual(row('unavailable.unclear_after_correction'), [3, 0, 0, 0, 0, 0, 3]);
  assert.deepEqual(row('not_processed.petition_complaint'), [61, 1, 0, 0, 0, 0, 62]);
  assert.deepEqual(row('not_processed.confirm_or_reissue'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row('other.correction_overdue'), [40, 1, 0, 0, 2, 0, 43]);
  // 「| 缴纳费用、 | 行政机关不再处理其政 | 0 | …」: both pieces continue the 2. row's label.
  assert.deepEqual(row('other.fee_unpaid'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row('other.other'), [264, 12, 0, 0, 0, 0, 276]);
});

test('a page number and two columns run together on one line of Markdown text', () => {
  const lines = linesFromMarkdown(
    '（四）无2.没有现成信息需要另\n— 5 —\n行政许可 97\n全年共 3 件。',
  );
  assert.deepEqual(
    lines.map((l) => l.cells),
    [['（四）无', '2.没有现成信息需要另'], ['行政许可', '97'], ['全年共 3 件。']],
  );
});

test('a section heading passed over is found by its full title; a missing heading by its （一）', () => {
  const found = [true, false, true, true, false, false];
  assert.equal(missedSection('一、主动公开政府信息情况', SECTIONS, found), 1);
  assert.equal(missedSection('一、主动公开工作情况', SECTIONS, found), null);
  assert.equal(missedSection('三、收到和处理政府信息公开申请情况', SECTIONS, found), null);
  assert.equal(subheadingSection('（一）主要问题', SECTIONS, 3), 4);
  assert.equal(subheadingSection('（一）2024 年工作中存在问题的改进情况', SECTIONS, 3), 4);
  assert.equal(subheadingSection('（一）行政复议', SECTIONS, 3), null);
  assert.equal(subheadingSection('（二）改进情况', SECTIONS, 3), null);
});
