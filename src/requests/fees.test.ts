import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  describeFee,
  FeeInputError,
  feeFor,
  feesCollectedInYear,
  formatYuan,
  ordinalInMonth,
  perApplicationFee,
  perApplicationTotal,
  perPageFee,
} from './fees.js';

const yuan = (n: number) => n * 100;

describe('按件: the fee of the n-th application of the month, at every tier boundary', () => {
  const cases: Array<[number, number]> = [
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [60, 400],
    [61, 500],
    [101, 900],
  ];
  for (const [n, fee] of cases) {
    test(`application ${n}: ${fee} 元`, () => assert.equal(perApplicationFee(n), yuan(fee)));
  }
});

describe('按件: what one applicant owes for N applications in one month', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
  ];
  for (const [n, total] of cases) {
    test(`${n} applications: ${total} 元`, () =>
      assert.equal(perApplicationTotal(n).total, yuan(total)));
  }

  test('the total is the sum of each application’s own fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        let sum = 0;
        for (let k = 1; k <= n; k += 1) sum += perApplicationFee(k);
        assert.equal(perApplicationTotal(n).total, sum);
      }),
    );
  });

  test('the working, band by band, in Chinese', () => {
    assert.deepEqual(describeFee(perApplicationTotal(31)), [
      '第1–10件：10件，免费',
      '第11–30件：20件 × 100元 = 2000元',
      '第31件：1件 × 200元 = 200元',
    ]);
  });
});

describe('按量: the fee of one application by pages, at every tier boundary', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ];
  for (const [pages, fee] of cases) {
    test(`${pages} pages: ${fee} 元`, () => assert.equal(perPageFee(pages).total, yuan(fee)));
  }

  test('each further page costs its band’s rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (p) => {
        const marginal = perPageFee(p).total - perPageFee(p - 1).total;
        assert.equal(marginal, p <= 30 ? 0 : p <= 100 ? 1000 : p <= 200 ? 2000 : 4000);
      }),
    );
  });

  test('the working in Chinese', () => {
    assert.deepEqual(describeFee(perPageFee(101)), [
      '第1–30页：30页，免费',
      '第31–100页：70页 × 10元 = 700元',
      '第101页：1页 × 20元 = 20元',
    ]);
  });
});

describe('one method per application', () => {
  test('feeFor takes exactly one basis', () => {
    assert.equal(feeFor({ method: 'per_application', ordinal: 31 }), yuan(200));
    assert.equal(feeFor({ method: 'per_page', pages: 31 }), yuan(10));
  });
});

describe('counting applications per applicant and calendar month', () => {
  const dates = ['2024-03-05', '2024-02-28', '2024-03-01', '2024-03-05', '2024-04-01'];
  test('earlier applications of the same month come first; other months do not count', () => {
    assert.equal(ordinalInMonth(dates, 2), 1);
    assert.equal(ordinalInMonth(dates, 0), 2);
    assert.equal(ordinalInMonth(dates, 3), 3);
    assert.equal(ordinalInMonth(dates, 1), 1);
    assert.equal(ordinalInMonth(dates, 4), 1);
  });
});

describe('money and bad input', () => {
  test('元 from fen, exactly', () => {
    assert.equal(formatYuan(220000), '2200');
    assert.equal(formatYuan(1250), '12.5');
    assert.equal(formatYuan(1205), '12.05');
    assert.equal(formatYuan(0), '0');
  });
  for (const bad of [-1, 1.5, Number.NaN, 10_000_000]) {
    test(`${bad} is refused in Chinese`, () => {
      assert.throws(
        () => perPageFee(bad),
        (e: unknown) =>
          e instanceof FeeInputError &&
          /页数「.*」无效：应为 0 到 1000000 之间的整数/.test(e.message),
      );
    });
  }
  test('the n-th application starts at 1', () => {
    assert.throws(() => perApplicationFee(0), FeeInputError);
  });
  test('large counts stay exact integers', () => {
    assert.ok(Number.isSafeInteger(perApplicationTotal(1_000_000).total));
  });
});

describe('fees collected in a year (section 六)', () => {
  test('sums the payments of that calendar year only', () => {
    const payments = [
      { paidOn: '2023-12-31', fen: 10_000 },
      { paidOn: '2024-01-01', fen: 20_000 },
      { paidOn: '2024-12-31', fen: 1_000 },
      { paidOn: '2025-01-01', fen: 40_000 },
    ];
    assert.equal(feesCollectedInYear(payments, 2024), 21_000);
    assert.equal(feesCollectedInYear(payments, 2022), 0);
  });
});
