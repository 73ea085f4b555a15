import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TableKey } from '../format/index.js';
import type { CellValue } from '../model.js';
import { checkCells } from './cells.js';
import { blankReport } from './fixtures/build.js';

const cases: {
  name: string;
  format?: '2021' | '2019';
  table: TableKey;
  row: string;
  column: string;
  value: CellValue;
  expect: { code: string; severity: string } | null;
}[] = [
  {
    name: 'zero count',
    table: 'requests',
    row: 'received',
    column: 'natural_person',
    value: 0,
    expect: null,
  },
  {
    name: 'positive count',
    table: 'review',
    row: 'reconsideration',
    column: 'upheld',
    value: 12,
    expect: null,
  },
  {
    name: 'negative count',
    table: 'requests',
    row: 'received',
    column: 'natural_person',
    value: -1,
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
  {
    name: 'decimal count',
    table: 'requests',
    row: 'disclosed',
    column: 'total',
    value: 1.5,
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
  {
    name: 'text in a count',
    table: 'review',
    row: 'litigation_direct',
    column: 'total',
    value: '—',
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
  {
    name: 'decimal amount (fees, 万元)',
    table: 'proactive',
    row: 'fees',
    column: 'amount_wan_yuan',
    value: 0.35,
    expect: null,
  },
  {
    name: 'negative amount',
    table: 'proactive',
    row: 'fees',
    column: 'amount_wan_yuan',
    value: -2,
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
  {
    name: 'decimal 本年制发件数',
    table: 'proactive',
    row: 'rules',
    column: 'issued',
    value: 0.5,
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
  {
    name: 'signed 本年增/减 may be negative (2019)',
    format: '2019',
    table: 'proactive',
    row: 'licensing',
    column: 'change',
    value: -3,
    expect: null,
  },
  {
    name: 'signed must still be whole (2019)',
    format: '2019',
    table: 'proactive',
    row: 'penalty',
    column: 'change',
    value: 1.2,
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
  {
    name: 'decimal 采购总金额 (2019)',
    format: '2019',
    table: 'proactive',
    row: 'procurement',
    column: 'purchase_amount',
    value: 12.5,
    expect: null,
  },
  {
    name: 'empty cell',
    table: 'requests',
    row: 'other.other',
    column: 'total',
    value: null,
    expect: { code: 'CELL_EMPTY', severity: 'warning' },
  },
  {
    name: 'infinite number',
    table: 'requests',
    row: 'received',
    column: 'total',
    value: Number.POSITIVE_INFINITY,
    expect: { code: 'CELL_INVALID', severity: 'error' },
  },
];

for (const c of cases) {
  test(`cells: ${c.name}`, () => {
    const r = blankReport(c.format ?? '2021');
    const row = r.tables[c.table][c.row];
    assert.ok(row && c.column in row, `${c.row}.${c.column} exists`);
    row[c.column] = c.value;
    const found = checkCells(r);
    if (!c.expect) return assert.deepEqual(found, []);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.deepEqual({ code: f?.code, severity: f?.severity }, c.expect);
    assert.deepEqual([f?.table, f?.row, f?.column], [c.table, c.row, c.column]);
  });
}

test('CELL_INVALID message quotes the printed text and says what belongs there', () => {
  const r = blankReport();
  r.tables.requests['withheld.state_secret']!.natural_person = '/';
  assert.equal(
    checkCells(r)[0]?.message,
    '表三“（三）不予公开 1.属于国家秘密”行“自然人”列填写为“/”，应填写不小于0的整数',
  );
});

test('CELL_EMPTY: a row left blank is one finding about the row; a missing cell counts as empty', () => {
  const r = blankReport();
  for (const k of Object.keys(r.tables.requests.carried_in!))
    r.tables.requests.carried_in![k] = null;
  delete r.tables.review.reconsideration!.pending;
  const found = checkCells(r);
  assert.deepEqual(
    found.map((f) => [f.code, f.row, f.column]),
    [
      ['CELL_EMPTY', 'carried_in', null],
      ['CELL_EMPTY', 'reconsideration', 'pending'],
    ],
  );
  assert.match(
    found[0]?.message ?? '',
    /“二、上年结转政府信息公开申请数量”行没有数据（各列均为空，或报告中没有这一行），已按0计算/,
  );
});
