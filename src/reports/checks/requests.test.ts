import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2019, FORMAT_2021 } from '../format/index.js';
import type { CellValue } from '../model.js';
import { blankReport, setRow } from './fixtures/build.js';
import { REQUESTS } from './keys.js';
import {
  checkRequestsBalance,
  checkRequestsOutcomeSum,
  checkRequestsTotalColumn,
} from './requests.js';

const COLS = FORMAT_2021.requests.columns.map((c) => c.key);
type Rows = Record<string, CellValue[]>;

function report(rows: Rows, formatId: '2021' | '2019' = '2021') {
  const r = blankReport(formatId);
  for (const [row, values] of Object.entries(rows)) setRow(r.tables.requests, row, values, COLS);
  return r;
}

test('the keys the checks use exist in both formats', () => {
  for (const format of [FORMAT_2021, FORMAT_2019]) {
    const rows = format.requests.rows.map((r) => r.key);
    for (const key of [
      REQUESTS.received,
      REQUESTS.carriedIn,
      REQUESTS.outcomeTotal,
      REQUESTS.carriedOut,
    ])
      assert.ok(rows.includes(key), key);
    assert.ok(format.requests.columns.some((c) => c.key === REQUESTS.totalColumn));
  }
});

const balanceCases: {
  name: string;
  rows: Rows;
  expect: { column: string; expected: number; actual: number }[];
}[] = [
  { name: 'all zero balances', rows: {}, expect: [] },
  {
    name: 'received + carried in = outcomes + carried out',
    rows: {
      received: [3, 1, 0, 0, 0, 0, 4],
      carried_in: [1, 0, 0, 0, 0, 0, 1],
      outcome_total: [2, 1, 0, 0, 0, 0, 3],
      carried_out: [2, 0, 0, 0, 0, 0, 2],
    },
    expect: [],
  },
  {
    name: 'one column out of balance',
    rows: { received: [8, 0, 0, 0, 0, 0, 8], outcome_total: [9, 0, 0, 0, 0, 0, 8] },
    expect: [{ column: 'natural_person', expected: 8, actual: 9 }],
  },
  {
    name: 'carried out forgotten',
    rows: { received: [0, 0, 0, 0, 0, 2, 2], outcome_total: [0, 0, 0, 0, 0, 1, 1] },
    expect: [
      { column: 'other_org', expected: 2, actual: 1 },
      { column: 'total', expected: 2, actual: 1 },
    ],
  },
  {
    name: 'an empty cell counts as 0',
    rows: { received: [null, 0, 0, 0, 0, 0, 0], outcome_total: [1, 0, 0, 0, 0, 0, 1] },
    expect: [
      { column: 'natural_person', expected: 0, actual: 1 },
      { column: 'total', expected: 0, actual: 1 },
    ],
  },
  {
    name: 'a text cell skips its column (CELL_INVALID reports it)',
    rows: { received: ['—', 0, 0, 0, 0, 0, 0] },
    expect: [],
  },
];

for (const c of balanceCases) {
  test(`T3_BALANCE: ${c.name}`, () => {
    const found = checkRequestsBalance(report(c.rows));
    assert.deepEqual(
      found.map((f) => ({ column: f.column, expected: f.expected, actual: f.actual })),
      c.expect,
    );
    for (const f of found) {
      assert.equal(f.code, 'T3_BALANCE');
      assert.equal(f.severity, 'error');
      assert.equal(f.row, null);
      assert.equal(f.table, 'requests');
    }
  });
}

test('T3_BALANCE message uses the column label and both sides', () => {
  const [f] = checkRequestsBalance(
    report({ received: [8, 0, 0, 0, 0, 0, 8], outcome_total: [9, 0, 0, 0, 0, 0, 8] }),
  );
  assert.equal(
    f?.message,
    '表三“自然人”列：第一项(8)+第二项(0)=8，不等于第三项总计(9)+第四项(0)=9',
  );
});

const totalCases: {
  name: string;
  rows: Rows;
  expect: { row: string; expected: number; actual: number }[];
}[] = [
  { name: 'totals right', rows: { received: [1, 2, 3, 4, 5, 6, 21] }, expect: [] },
  {
    name: 'total printed 0',
    rows: { received: [8, 1, 0, 0, 0, 0, 0] },
    expect: [{ row: 'received', expected: 9, actual: 0 }],
  },
  {
    name: 'total on an outcome row',
    rows: { 'withheld.state_secret': [0, 0, 1, 0, 0, 0, 2] },
    expect: [{ row: 'withheld.state_secret', expected: 1, actual: 2 }],
  },
  {
    name: 'empty total read as 0',
    rows: { carried_out: [1, 0, 0, 0, 0, 0, null] },
    expect: [{ row: 'carried_out', expected: 1, actual: 0 }],
  },
];

for (const c of totalCases) {
  test(`T3_TOTAL_COLUMN: ${c.name}`, () => {
    const found = checkRequestsTotalColumn(report(c.rows));
    assert.deepEqual(
      found.map((f) => ({ row: f.row, expected: f.expected, actual: f.actual })),
      c.expect,
    );
    for (const f of found) assert.equal(f.column, 'total');
  });
}

test('T3_TOTAL_COLUMN message names the row label and the parts', () => {
  const [f] = checkRequestsTotalColumn(report({ received: [8, 1, 0, 0, 0, 0, 0] }));
  assert.equal(
    f?.message,
    '表三“一、本年新收政府信息公开申请数量”行：六类申请人之和为9（自然人8+商业企业1），不等于“总计”列所填的0',
  );
});

const outcomeCases: {
  name: string;
  formatId: '2021' | '2019';
  rows: Rows;
  expect: { column: string; expected: number; actual: number }[];
}[] = [
  {
    name: 'outcomes add up',
    formatId: '2021',
    rows: {
      disclosed: [2, 0, 0, 0, 0, 0, 2],
      'other.fee_unpaid': [1, 0, 0, 0, 0, 0, 1],
      outcome_total: [3, 0, 0, 0, 0, 0, 3],
    },
    expect: [],
  },
  {
    name: 'an outcome row missing from （七）总计',
    formatId: '2021',
    rows: {
      disclosed: [2, 0, 0, 0, 0, 0, 2],
      'unavailable.not_held': [0, 1, 0, 0, 0, 0, 1],
      outcome_total: [2, 0, 0, 0, 0, 0, 2],
    },
    expect: [
      { column: 'commercial_enterprise', expected: 1, actual: 0 },
      { column: 'total', expected: 3, actual: 2 },
    ],
  },
  {
    name: '2019 format sums its single 其他处理 row',
    formatId: '2019',
    rows: { 'other.other': [1, 0, 0, 0, 0, 0, 1], outcome_total: [0, 0, 0, 0, 0, 0, 0] },
    expect: [
      { column: 'natural_person', expected: 1, actual: 0 },
      { column: 'total', expected: 1, actual: 0 },
    ],
  },
];

for (const c of outcomeCases) {
  test(`T3_OUTCOME_SUM: ${c.name}`, () => {
    const found = checkRequestsOutcomeSum(report(c.rows, c.formatId));
    assert.deepEqual(
      found.map((f) => ({ column: f.column, expected: f.expected, actual: f.actual })),
      c.expect,
    );
    for (const f of found) assert.equal(f.row, 'outcome_total');
  });
}

test('T3_OUTCOME_SUM counts every outcome row of the format (21 in 2021, 19 in 2019)', () => {
  assert.equal(FORMAT_2021.requests.outcomeRowKeys.length, 21);
  assert.equal(FORMAT_2019.requests.outcomeRowKeys.length, 19);
  for (const key of FORMAT_2021.requests.outcomeRowKeys) {
    const found = checkRequestsOutcomeSum(report({ [key]: [1, 0, 0, 0, 0, 0, 1] }));
    assert.equal(found.length, 2, key);
  }
});
