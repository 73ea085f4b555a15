// Property tests: any balanced report passes; any single changed cell of a balanced
// table 三 or 四 is caught.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FORMATS, tableShape } from '../format/index.js';
import type { CellValue } from '../model.js';
import { balancedPair, balancedReport } from './fixtures/balanced-report.js';
import { checkReport } from './index.js';

test('a balanced report yields no finding at all', () => {
  fc.assert(
    fc.property(balancedReport(), (report) => {
      assert.deepEqual(checkReport(report), []);
    }),
    { numRuns: 300 },
  );
});

test('a balanced pair of consecutive years yields no error, no CARRY_OVER and no T2_STOCK', () => {
  fc.assert(
    fc.property(balancedPair(), ({ previous, report }) => {
      const found = checkReport(report, { previous });
      assert.deepEqual(
        found.filter((f) => f.severity === 'error' || f.code === 'T2_STOCK'),
        [],
      );
    }),
    { numRuns: 200 },
  );
});

const replacement: fc.Arbitrary<CellValue> = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.integer({ min: -20, max: -1 }),
  fc.double({ min: 0.01, max: 99, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.constantFrom('—', '/', '无', ''),
  fc.constant(null),
);

test('changing any one cell of a balanced table 三 or 四 is caught by at least one check', () => {
  fc.assert(
    fc.property(
      balancedReport(),
      fc.constantFrom('requests' as const, 'review' as const),
      fc.nat(),
      fc.nat(),
      replacement,
      (report, table, i, j, value) => {
        const rows = tableShape(FORMATS[report.format], table);
        const row = rows[i % rows.length]!;
        const column = row.columns[j % row.columns.length]!;
        const cells = report.tables[table][row.key]!;
        const before = cells[column.key];
        fc.pre(value !== before);
        cells[column.key] = value;
        const found = checkReport(report).filter((f) => f.table === table);
        assert.ok(
          found.length > 0,
          `${table}.${row.key}.${column.key}: ${String(before)} → ${String(value)} not caught`,
        );
        // A different number (not a blank) in a count cell is always an error.
        if (typeof value === 'number') assert.ok(found.some((f) => f.severity === 'error'));
      },
    ),
    { numRuns: 1000 },
  );
});

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noNaN: false }),
  fc.constant(null),
  fc.string({ maxLength: 6 }),
);

test('any cell values, headings and prose: checkReport never throws and speaks Chinese', () => {
  fc.assert(
    fc.property(
      balancedReport(),
      balancedReport(),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), anyCell), { maxLength: 30 }),
      fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant(null)), {
        minLength: 6,
        maxLength: 6,
      }),
      fc.string({ maxLength: 300 }),
      (report, previous, changes, headings, prose) => {
        for (const [t, i, j, value] of changes) {
          const table = (['proactive', 'requests', 'review'] as const)[t % 3]!;
          const rows = tableShape(FORMATS[report.format], table);
          const row = rows[i % rows.length]!;
          report.tables[table][row.key]![row.columns[j % row.columns.length]!.key] = value;
        }
        report.sections = report.sections.map((s, k) => ({
          ...s,
          heading: headings[k] ?? null,
          text: `${s.text}${prose}`,
        }));
        previous.year = report.year === null ? null : report.year - 1;
        for (const f of checkReport(report, { previous }))
          assert.match(f.message, /[\u4e00-\u9fff]/);
      },
    ),
    { numRuns: 300 },
  );
});

// Table 二 has no relation inside one report: its （一）项 stock is checked against last year's.
test('with last year’s report, changing any stock cell of table 二 （一）项 is caught (T2_STOCK)', () => {
  fc.assert(
    fc.property(
      balancedPair(),
      fc.nat(),
      fc.nat(),
      fc.nat({ max: 500 }),
      ({ previous, report }, i, j, value) => {
        const block = FORMATS[report.format].proactive.blocks[0]!;
        const row = block.rows[i % block.rows.length]!;
        const column = block.columns[j % block.columns.length]!;
        const cells = report.tables.proactive[row.key]!;
        fc.pre(cells[column.key] !== value);
        cells[column.key] = value;
        const found = checkReport(report, { previous }).filter((f) => f.code === 'T2_STOCK');
        assert.deepEqual(
          found.map((f) => f.row),
          [row.key],
        );
      },
    ),
    { numRuns: 300 },
  );
});
