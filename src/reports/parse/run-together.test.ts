// Cells run together with no separator (a crawler's text, 「640020470」): the reader splits a
// row only where the table's own sums admit one reading, and otherwise says the row is
// unreadable — it never reads a wrong value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FORMATS } from '../format/index.js';
import { balancedReport } from '../checks/fixtures/balanced-report.js';
import { checkReport, mergeFindings } from '../checks/index.js';
import { mayRunTogether, rowReadings } from './run-together.js';
import { parseText, requestRows, requestsPage } from './test-support.js';
import { totalRule } from './tables.js';

const COLUMNS = FORMATS['2021'].requests.columns;

test('a row of digits is cut only into numbers as tables print them, keeping its 总计', () => {
  const rule = totalRule(COLUMNS);
  // 64, 0, 0, 2, 0, 4, 70: the example of issue 11; 6400, 2, 0, 4, 70 … break the 总计.
  assert.deepEqual(rowReadings(['640020470'], [640020470], 7, rule), [[64, 0, 0, 2, 0, 4, 70]]);
  assert.deepEqual(rowReadings(['0000000'], [0], 7, rule), [[0, 0, 0, 0, 0, 0, 0]]);
  // 1,1,0,0,0,0,2 and 11,0,0,0,0,0,… : the digits 1100002 admit only the first.
  assert.deepEqual(rowReadings(['1100002'], [1100002], 7, rule), [[1, 1, 0, 0, 0, 0, 2]]);
  // Both 1, 0, 10 … and 10, 1, 0 … add up to 11: every fitting cut is returned.
  assert.deepEqual(rowReadings(['101000011'], [101000011], 7, rule), [
    [1, 0, 10, 0, 0, 0, 11],
    [10, 1, 0, 0, 0, 0, 11],
  ]);
  assert.deepEqual(rowReadings(['123'], [123], 7, rule), []);
});

test('only a row with far fewer values than columns, and digits enough to fill it, is taken as run together', () => {
  assert.equal(mayRunTogether(['640020470'], 7), true);
  assert.equal(mayRunTogether(['64', '0', '0', '2', '0', '4', '70'], 7), false);
  // One or two cells missing is a row that lost its blanks, not cells run together.
  assert.equal(mayRunTogether(['21', '3', '0', '0', '0', '24'], 7), false);
  assert.equal(mayRunTogether(['12'], 7), false);
});

test('the example of issue 11 is read 64, 0, 0, 2, 0, 4, 70 from a crawler line, with a note', async () => {
  const report = fc.sample(balancedReport(), { numRuns: 1, seed: 11 })[0]!;
  const rows = requestRows(report);
  const format = FORMATS[report.format];
  const disclosed = format.requests.rows.findIndex((r) => r.key === 'disclosed');
  const lines = rows.map((r) => r.join(' '));
  lines[disclosed] = `${rows[disclosed]![0]} 640020470`;
  // The table's other rows carry the 64 … 70 into （七）总计 and the balance.
  const truth = [64, 0, 0, 2, 0, 4, 70];
  const patched = structuredClone(report);
  format.requests.columns.forEach((c, i) => {
    const old = Number(report.tables.requests.disclosed![c.key]);
    patched.tables.requests.disclosed![c.key] = truth[i]!;
    for (const row of ['outcome_total', 'received'])
      patched.tables.requests[row]![c.key] =
        Number(report.tables.requests[row]![c.key]) - old + truth[i]!;
  });
  const patchedLines = requestRows(patched).map((r) => r.join(' '));
  patchedLines[disclosed] = `${rows[disclosed]![0]} 640020470`;
  const parsed = await parseText(requestsPage(patched, patchedLines));
  assert.deepEqual(Object.values(parsed.report.tables.requests.disclosed!), truth);
  const note = parsed.findings.find((f) => f.code === 'CELL_AMBIGUOUS' && f.row === 'disclosed');
  assert.match(note?.message ?? '', /数字连在一起（“640020470”）；按本表的合计关系只有一种拆分/u);
});

test('random valid tables with rows run together: each row is recovered exactly or said to be unreadable', async () => {
  let recovered = 0;
  await fc.assert(
    fc.asyncProperty(
      balancedReport(),
      fc.array(fc.boolean(), { minLength: 23, maxLength: 23 }),
      fc.boolean(),
      async (report, joined, pipes) => {
        const format = FORMATS[report.format];
        const rows = requestRows(report);
        const lines = rows.map((r, i) => {
          const cells = joined[i] ? [r[0]!, r.slice(1).join('')] : r;
          return pipes ? `${cells.join(' | ')} |` : cells.join(' ');
        });
        const parsed = await parseText(requestsPage(report, lines));
        format.requests.rows.forEach((row, i) => {
          if (!joined[i]) return;
          const read = parsed.report.tables.requests[row.key]!;
          const truth = report.tables.requests[row.key]!;
          const unreadable = Object.values(read).every((v) => v === null);
          if (unreadable) {
            const note = parsed.findings.find(
              (f) => f.code === 'CELL_AMBIGUOUS' && f.row === row.key,
            );
            assert.match(note?.message ?? '', /数字连在一起.*未能可靠读取/u, row.key);
          } else {
            assert.deepEqual(read, truth, `${row.key}: a wrong reading`);
            recovered++;
          }
        });
        const errors = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report)
          .filter((f) => f.severity === 'error' && /^T[234]_/u.test(f.code))
          .map((f) => `${f.code} ${f.row}/${f.column}`);
        assert.deepEqual(errors, []);
      },
    ),
    { numRuns: 80 },
  );
  // Most run-together rows of small counts have one reading: the splitting is not idle.
  assert.ok(recovered > 100, `only ${recovered} rows recovered`);
});

test('a table that breaks one of its relations: rows are recovered exactly or said to be unreadable, and only its own errors are reported', async () => {
  let recovered = 0;
  let withoutBroken = 0;
  await fc.assert(
    fc.asyncProperty(
      balancedReport(),
      fc.array(fc.boolean(), { minLength: 23, maxLength: 23 }),
      fc.nat(),
      fc.integer({ min: 1, max: 30 }),
      async (balanced, joined, pick, more) => {
        const format = FORMATS[balanced.format];
        // The report's own error: one outcome row counts `more` requests that （七）总计 and
        // the balance do not (its own 总计 still adds up).
        const report = structuredClone(balanced);
        const outcomes = format.requests.outcomeRowKeys;
        const row = outcomes[pick % outcomes.length]!;
        const applicant = format.requests.columns[pick % 6]!.key;
        const cells = report.tables.requests[row]!;
        cells[applicant] = Number(cells[applicant]) + more;
        cells.total = Number(cells.total) + more;
        const real = new Set(
          checkReport(report)
            .filter((f) => f.severity === 'error' && /^T[234]_/u.test(f.code))
            .map((f) => `${f.code} ${f.row}/${f.column}`),
        );
        const rows = requestRows(report);
        const lines = rows.map((r, i) =>
          joined[i] ? `${r[0]} ${r.slice(1).join('')}` : r.join(' '),
        );
        const parsed = await parseText(requestsPage(report, lines));
        format.requests.rows.forEach((r, i) => {
          if (!joined[i]) return;
          const read = parsed.report.tables.requests[r.key]!;
          if (Object.values(read).every((v) => v === null)) return;
          assert.deepEqual(read, report.tables.requests[r.key], `${r.key}: a wrong reading`);
          recovered++;
        });
        if (parsed.findings.some((f) => /与“（七）总计”不符；按各行/u.test(f.message)))
          withoutBroken++;
        const errors = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report)
          .filter((f) => f.severity === 'error' && /^T[234]_/u.test(f.code))
          .map((f) => `${f.code} ${f.row}/${f.column}`);
        for (const e of errors) assert.ok(real.has(e), `${e}: an error the report does not have`);
      },
    ),
    { numRuns: 80 },
  );
  assert.ok(recovered > 100, `only ${recovered} rows recovered`);
  // The rows are often read without the broken relation: the fallback is not idle.
  assert.ok(withoutBroken > 5, `read without the broken relation only ${withoutBroken} times`);
});
