// Header rows where the data is, on an excerpt of a real OCR transcription in Markdown
// (沭阳县人民政府 2025, test/fixtures/reports/real/2025-county-gov-shuyang-ocr.txt): table 三
// split into one pipe table per row under invented headers, and table 四 as three tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport, mergeFindings } from '../checks/index.js';
import { FORMATS } from '../format/index.js';
import { isHeaderRow } from './header-row.js';
import { parseReport } from './index.js';
import { readCell } from './labels.js';

const format = FORMATS['2021'];
const row = (...cells: string[]) => cells.map(readCell);

test('a row of column words is a header; a row with a number, or one word and its 「无」, is not', () => {
  assert.equal(isHeaderRow(row('类别', '数据1', '数据2', '总计'), format), true);
  assert.equal(isHeaderRow(row('商业企业', '科研机构', '社会公益', '法律服务机构'), format), true);
  assert.equal(isHeaderRow(row('结果维持', '结果纠正', '其他结果', '尚未审结'), format), true);
  // The OCR's wrong header over the last rows: row names as column names, between 项目 and 总计.
  assert.equal(isHeaderRow(row('项目', '本年新收件数', '予以公开', '总计'), format), true);
  assert.equal(isHeaderRow(row('3. 其他', '142', '1', '0'), format), false);
  assert.equal(isHeaderRow(row('3.其他', '无', '无', '无'), format), false);
  assert.equal(isHeaderRow(row('（七）总计', '-', '-'), format), false);
});

const EXCERPT = `# 沐阳县人民政府2025年政府信息公开工作年度报告
## 一、总体情况
2025年，我县认真贯彻落实《中华人民共和国政府信息公开条例》。
## 二、主动公开政府信息情况
### 第二十条第（一）项
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 6 | 1 | 32 |
## 三、收到和处理政府信息公开申请情况
### 申请人情况 (法人或其他组织)
| 商业企业 | 科研机构 | 社会公益 | 法律服务机构 | 其他 |
|---|---|---|---|---|
| - | - | - | - | - |

### 一、本年新收政府信息公开申请数量
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |

### 二、上年结转政府信息公开申请数量
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |

### 三、本年度办理结果

### (一) 予以公开
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 予以公开 | 290 | 1 | 0 | 0 | 3 | 0 | 294 |

### (六) 其他
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |

| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |
|---|---|---|---|---|---|---|---|
| 2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |
| 3. 其他 | 142 | 1 | 0 | 0 | 0 | 0 | 143 |
| （七）总计 | 710 | 3 | 0 | 0 | 5 | 0 | 718 |
| 四、结转下年度继续办理 | 31 | 0 | 0 | 0 | 0 | 0 | 31 |

## 四、政府信息公开行政复议、行政诉讼情况

### 行政复议
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|----------|----------|----------|----------|------|
| 27 | 10 | 9 | 15 | 61 |

### 行政诉讼（未经复议直接起诉）
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|----------|----------|----------|----------|------|
| 3 | 0 | 0 | 0 | 3 |

### 行政诉讼（复议后起诉）
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|----------|----------|----------|----------|------|
| 8 | 0 | 1 | 1 | 10 |

## 五、政府信息公开工作存在的主要问题及改进情况
政策解读多样性需进一步加强。
## 六、其他需要报告的事项
无。
`;

async function read() {
  const parsed = await parseReport({ bytes: new TextEncoder().encode(EXCERPT), filename: 'x.txt' });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

test('invented header rows between the pieces of table 三 are skipped, never read as cells', async () => {
  const { report, findings } = await read();
  const t = report.tables.requests;
  assert.deepEqual(Object.values(t.received!), [705, 3, 0, 0, 5, 0, 713]);
  assert.deepEqual(Object.values(t.disclosed!), [290, 1, 0, 0, 3, 0, 294]);
  // Under the wrong header (「结转下年度」 among its words) the rows still read as printed.
  assert.deepEqual(Object.values(t['other.fee_unpaid']!), [7, 0, 0, 0, 0, 0, 7]);
  assert.deepEqual(Object.values(t.carried_out!), [31, 0, 0, 0, 0, 0, 31]);
  const all = mergeFindings(findings, checkReport(report), report);
  assert.deepEqual(
    all.filter((f) => f.code === 'CELL_INVALID'),
    [],
  );
});

test('a row named in a heading and printed again in the table below is one row, not the next', async () => {
  const { report } = await read();
  assert.deepEqual(Object.values(report.tables.requests.carried_in!), [36, 0, 0, 0, 0, 0, 36]);
});

test('table 四 printed as one small table per group reads all three groups', async () => {
  const { report } = await read();
  const r = report.tables.review;
  assert.deepEqual(Object.values(r.reconsideration!), [27, 10, 9, 15, 61]);
  assert.deepEqual(Object.values(r.litigation_direct!), [3, 0, 0, 0, 3]);
  assert.deepEqual(Object.values(r.litigation_after_reconsideration!), [8, 0, 1, 1, 10]);
});
