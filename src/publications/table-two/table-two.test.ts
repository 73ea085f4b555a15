import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endYear, legalKindOf, stockFor, tableTwo, type LegalDocumentGroup } from './table-two.js';

/** One 行政规范性文件 issued on `issuedOn`, its validity changed on `validityOn`. */
const doc = (
  issuedOn: string,
  validity: LegalDocumentGroup['validity'] = 'valid',
  validityOn: string | null = null,
): LegalDocumentGroup => ({
  kind: 'normative_documents',
  issuedYear: Number(issuedOn.slice(0, 4)),
  validity,
  validityYear: validityOn ? Number(validityOn.slice(0, 4)) : null,
  count: 1,
});

test('which items are 规章 or 行政规范性文件', () => {
  const cases: [string, string, ReturnType<typeof legalKindOf>][] = [
    ['a20-1', '命令（令）', 'rules'],
    ['a20-1', '通知', 'normative_documents'],
    ['a20-1', '意见', 'normative_documents'],
    ['a20-7', '通知', null],
    ['a21-land-expropriation', '命令（令）', null],
  ];
  for (const [category, genre, want] of cases)
    assert.equal(legalKindOf(category, genre), want, `${category} ${genre}`);
});

test('issued, repealed and in force at 31 December', () => {
  const cases: {
    name: string;
    docs: LegalDocumentGroup[];
    year: number;
    want: [number, number, number];
  }[] = [
    { name: 'issued this year, valid', docs: [doc('2021-03-01')], year: 2021, want: [1, 0, 1] },
    { name: 'issued last year, valid', docs: [doc('2020-03-01')], year: 2021, want: [0, 0, 1] },
    {
      name: 'issued next year: not counted',
      docs: [doc('2022-01-02')],
      year: 2021,
      want: [0, 0, 0],
    },
    {
      name: 'repealed this year',
      docs: [doc('2019-05-01', 'repealed', '2021-12-31')],
      year: 2021,
      want: [0, 1, 0],
    },
    {
      name: 'repealed next year: still in force',
      docs: [doc('2019-05-01', 'repealed', '2022-01-01')],
      year: 2021,
      want: [0, 0, 1],
    },
    {
      name: 'expired last year',
      docs: [doc('2019-05-01', 'expired', '2020-06-30')],
      year: 2021,
      want: [0, 0, 0],
    },
    {
      name: 'issued and repealed in the year',
      docs: [doc('2021-02-01', 'repealed', '2021-11-01')],
      year: 2021,
      want: [1, 1, 0],
    },
    {
      name: 'amended stays in force',
      docs: [doc('2018-02-01', 'amended', '2021-11-01')],
      year: 2021,
      want: [0, 0, 1],
    },
    {
      name: 'repealed with no date recorded: in the year it was issued',
      docs: [doc('2021-04-01', 'repealed'), doc('2019-04-01', 'expired')],
      year: 2021,
      want: [1, 1, 0],
    },
    {
      name: 'a group counts as all its documents',
      docs: [
        { ...doc('2021-03-01'), count: 3 },
        { ...doc('2020-03-01', 'repealed', '2021-06-01'), count: 2 },
      ],
      year: 2021,
      want: [3, 2, 3],
    },
    {
      name: 'repeal dated before issue counts in the issue year',
      docs: [doc('2021-02-01', 'repealed', '2019-01-01')],
      year: 2021,
      want: [1, 1, 0],
    },
  ];
  for (const c of cases) {
    const s = stockFor(c.docs, 'normative_documents', c.year);
    assert.deepEqual([s.issued, s.repealed, s.in_force], c.want, c.name);
    assert.deepEqual(stockFor(c.docs, 'rules', c.year), { issued: 0, repealed: 0, in_force: 0 });
  }
});

test('the stock carries over: last year + issued − repealed = this year, whatever the dates', () => {
  const validities = ['valid', 'expired', 'repealed', 'amended'] as const;
  const docs: LegalDocumentGroup[] = [];
  for (let i = 0; i < 200; i++) {
    const y = 2015 + (i % 9);
    const v = validities[i % 4] ?? 'valid';
    const end = v === 'valid' ? null : `${2014 + ((i * 7) % 11)}-0${1 + (i % 9)}-15`;
    docs.push({
      ...doc(`${y}-0${1 + (i % 9)}-10`, v, end),
      kind: i % 5 === 0 ? 'rules' : 'normative_documents',
    });
  }
  for (const kind of ['rules', 'normative_documents'] as const)
    for (let year = 2014; year <= 2026; year++) {
      const before = stockFor(docs, kind, year - 1);
      const now = stockFor(docs, kind, year);
      assert.equal(now.in_force, before.in_force + now.issued - now.repealed, `${kind} ${year}`);
    }
  assert.equal(endYear(doc('2020-01-01')), null);
});

test('the grid: computed stock rows, figure rows only when entered, fees in 万元', () => {
  const grid = tableTwo(
    [doc('2021-01-05')],
    [
      { figure: 'licensing', value: 12, source: '区行政审批局系统导出' },
      { figure: 'fees', value: 123_456_789, source: '财政票据' },
    ],
    2021,
  );
  assert.deepEqual(grid, {
    rules: { issued: 0, repealed: 0, in_force: 0 },
    normative_documents: { issued: 1, repealed: 0, in_force: 1 },
    licensing: { decisions: 12 },
    fees: { amount_wan_yuan: 123.456789 },
  });
});
