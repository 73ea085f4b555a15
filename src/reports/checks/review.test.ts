import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2021 } from '../format/index.js';
import type { CellValue } from '../model.js';
import { blankReport, setRow } from './fixtures/build.js';
import { checkReviewSums } from './review.js';

const COLS = FORMAT_2021.review.columns.map((c) => c.key);

const cases: {
  name: string;
  rows: Record<string, CellValue[]>;
  expect: { row: string; expected: number; actual: number }[];
}[] = [
  { name: 'all zero', rows: {}, expect: [] },
  {
    name: 'total = four results',
    rows: { reconsideration: [1, 1, 0, 0, 2], litigation_direct: [0, 0, 1, 2, 3] },
    expect: [],
  },
  {
    name: 'total short',
    rows: { reconsideration: [1, 1, 0, 0, 1] },
    expect: [{ row: 'reconsideration', expected: 2, actual: 1 }],
  },
  {
    name: 'pending left out of the total',
    rows: { litigation_after_reconsideration: [0, 0, 0, 3, 0] },
    expect: [{ row: 'litigation_after_reconsideration', expected: 3, actual: 0 }],
  },
  {
    name: 'a text cell skips the group',
    rows: { litigation_direct: ['/', 0, 0, 0, 1] },
    expect: [],
  },
];

for (const c of cases) {
  test(`T4_SUM: ${c.name}`, () => {
    const r = blankReport();
    for (const [row, values] of Object.entries(c.rows)) setRow(r.tables.review, row, values, COLS);
    const found = checkReviewSums(r);
    assert.deepEqual(
      found.map((f) => ({ row: f.row, expected: f.expected, actual: f.actual })),
      c.expect,
    );
    for (const f of found) {
      assert.equal(f.code, 'T4_SUM');
      assert.equal(f.column, 'total');
      assert.equal(f.table, 'review');
    }
  });
}

test('T4_SUM message names the group with its parent label', () => {
  const r = blankReport();
  setRow(r.tables.review, 'litigation_direct', [1, 0, 0, 0, 0], COLS);
  assert.equal(
    checkReviewSums(r)[0]?.message,
    '表四“行政诉讼（未经复议直接起诉）”：结果维持(1)+结果纠正(0)+其他结果(0)+尚未审结(0)=1，不等于总计(0)',
  );
});
