import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2021 } from '../format/index.js';
import type { CellValue } from '../model.js';
import { blankReport, setRow } from './fixtures/build.js';
import { checkCarryOver, checkStock } from './year-over-year.js';

const COLS = FORMAT_2021.requests.columns.map((c) => c.key);

const carryCases: {
  name: string;
  lastOut: CellValue[];
  thisIn: CellValue[];
  previousYear?: number;
  expect: [string, number, number][];
}[] = [
  {
    name: 'carried over exactly',
    lastOut: [2, 1, 0, 0, 0, 0, 3],
    thisIn: [2, 1, 0, 0, 0, 0, 3],
    expect: [],
  },
  {
    name: 'carried-in forgotten',
    lastOut: [2, 0, 0, 0, 0, 0, 2],
    thisIn: [0, 0, 0, 0, 0, 0, 0],
    expect: [
      ['natural_person', 2, 0],
      ['total', 2, 0],
    ],
  },
  {
    name: 'moved between columns',
    lastOut: [1, 0, 0, 0, 0, 0, 1],
    thisIn: [0, 0, 0, 0, 0, 1, 1],
    expect: [
      ['natural_person', 1, 0],
      ['other_org', 0, 1],
    ],
  },
  {
    name: 'not last year: not compared',
    lastOut: [5, 0, 0, 0, 0, 0, 5],
    thisIn: [0, 0, 0, 0, 0, 0, 0],
    previousYear: 2019,
    expect: [],
  },
];

for (const c of carryCases) {
  test(`CARRY_OVER: ${c.name}`, () => {
    const previous = blankReport('2021', c.previousYear ?? 2021);
    const report = blankReport('2021', 2022);
    setRow(previous.tables.requests, 'carried_out', c.lastOut, COLS);
    setRow(report.tables.requests, 'carried_in', c.thisIn, COLS);
    const found = checkCarryOver(report, previous);
    assert.deepEqual(
      found.map((f) => [f.column, f.expected, f.actual]),
      c.expect,
    );
    for (const f of found)
      assert.deepEqual([f.code, f.severity, f.row], ['CARRY_OVER', 'error', 'carried_in']);
  });
}

test('CARRY_OVER works from a 2020 report in the 2019 format', () => {
  const previous = blankReport('2019', 2020);
  setRow(previous.tables.requests, 'carried_out', [1, 0, 0, 0, 0, 0, 1], COLS);
  const found = checkCarryOver(blankReport('2021', 2021), previous);
  assert.equal(found.length, 2);
  assert.match(found[0]?.message ?? '', /不等于2020年度报告“四、结转下年度继续办理”的1/);
});

const stockCases: {
  name: string;
  before: number;
  now: { issued: number; repealed: number; in_force: number };
  expect: [number, number] | null;
}[] = [
  {
    name: 'stock follows',
    before: 10,
    now: { issued: 3, repealed: 1, in_force: 12 },
    expect: null,
  },
  {
    name: 'stock off',
    before: 10,
    now: { issued: 3, repealed: 1, in_force: 15 },
    expect: [12, 15],
  },
  {
    name: 'nothing issued, stock dropped',
    before: 4,
    now: { issued: 0, repealed: 0, in_force: 0 },
    expect: [4, 0],
  },
];

for (const c of stockCases) {
  test(`T2_STOCK: ${c.name}`, () => {
    const previous = blankReport('2021', 2021);
    const report = blankReport('2021', 2022);
    previous.tables.proactive.normative_documents!.in_force = c.before;
    report.tables.proactive.normative_documents = { ...c.now };
    const found = checkStock(report, previous);
    if (!c.expect) return assert.deepEqual(found, []);
    assert.equal(found.length, 1);
    assert.deepEqual(
      [found[0]?.code, found[0]?.severity, found[0]?.row, found[0]?.column],
      ['T2_STOCK', 'warning', 'normative_documents', 'in_force'],
    );
    assert.deepEqual([found[0]?.expected, found[0]?.actual], c.expect);
  });
}

test('T2_STOCK is not computed from a 2019-format report (no stock column there)', () => {
  const previous = blankReport('2019', 2020);
  const report = blankReport('2021', 2021);
  report.tables.proactive.rules = { issued: 1, repealed: 0, in_force: 9 };
  assert.deepEqual(checkStock(report, previous), []);
});
