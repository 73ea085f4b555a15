// Table 三 of a real PDF (淮安市人民政府 2024, test/fixtures/reports/real/2024-city-gov-huaian.pdf)
// as its text layer lays out into lines: the side column's group headings cut one or two
// characters a line, and row labels wrapped with their numbers on a middle line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourceLine } from './document.js';
import { recognise } from './recognise.js';

const row = (...cells: string[]): SourceLine => ({ cells, tableRow: true });
const text = (t: string): SourceLine => ({ cells: [t], tableRow: false });

const HEAD: SourceLine[] = [
  text('淮安市人民政府2024年政府信息公开工作年度报告'),
  text('三、收到和处理政府信息公开申请情况'),
  row('一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119'),
];

function read(lines: SourceLine[]) {
  const r = recognise([...HEAD, ...lines]);
  if (!r) throw new Error('not recognised');
  return (key: string) => Object.values(r.report.tables.requests[key]!);
}

test('a group heading cut to 「（三）不」 beside a row waiting for its numbers is skipped there', () => {
  const rows = read([
    row('3.危及“三安全一稳定”', '5', '0', '0', '0', '0', '0', '5'),
    text('度'),
    row('办', '4.保护第三方合法权益'),
    row('（三）不', '6', '0', '0', '0', '0', '0', '6'),
    text('理'),
    text('予公开'),
    row('5.属于三类内部事务信息', '7', '1', '0', '0', '0', '0', '8'),
  ]);
  assert.deepEqual(rows('withheld.third_party_rights'), [6, 0, 0, 0, 0, 0, 6]);
  assert.deepEqual(rows('withheld.internal_affairs'), [7, 1, 0, 0, 0, 0, 8]);
});

test('the end of a wrapped label below its numbers does not open a later row it resembles', () => {
  const rows = read([
    row('4.无正当理由大量反复申请', '0', '0', '0', '0', '0', '0', '0'),
    text('5.要求行政机关确认或重新出'),
    row('1', '0', '0', '0', '0', '0', '1'),
    text('具已获取信息'),
    text('1、申请人无正当理由逾期不补'),
    row('正、行政机关不再处理其政府信', '67', '3', '0', '0', '1', '0', '71'),
    text('息公开申请'),
    text('（六）其'),
    text('2、申请人逾期未按收费通知要'),
    text('他处理'),
    row('求缴纳费用、行政机关不再处理', '6', '0', '0', '0', '0', '0', '6'),
    text('其政府信息公开申请'),
    row('3、其他', '108', '2', '0', '0', '0', '0', '110'),
  ]);
  assert.deepEqual(rows('other.correction_overdue'), [67, 3, 0, 0, 1, 0, 71]);
  assert.deepEqual(rows('other.fee_unpaid'), [6, 0, 0, 0, 0, 0, 6]);
  assert.deepEqual(rows('other.other'), [108, 2, 0, 0, 0, 0, 110]);
});
