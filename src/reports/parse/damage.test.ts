// Property tests (issue 11): a well-read table 三, printed as page text with `|` separators,
// then damaged the ways real pages are — a row dropped, a cell shifted into the next row,
// two rows run together on one line, a row's cells run together, a column blanked — never
// yields a T3_* error that the undamaged table does not have. And the damage is not passed
// over in silence: either the reader reads exactly what the page prints (rows run together
// are still every row's numbers; a blanked column is blank, not 0; a dropped row is a row
// with no data, named in its own finding), or it says which row of 表三 it could not read
// reliably (CELL_AMBIGUOUS on that row). A damaged row read as a clean row of other
// numbers, with nothing said, fails the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FORMATS } from '../format/index.js';
import type { AnnualReport, CellValue, Finding, Grid } from '../model.js';
import { balancedReport } from '../checks/fixtures/balanced-report.js';
import { checkReport, mergeFindings } from '../checks/index.js';
import { parseReport } from './index.js';
import { requestRows, requestsPage, type Rows } from './test-support.js';

function page(report: AnnualReport, rows: Rows): string {
  return requestsPage(
    report,
    rows.map((r) => `${r.join(' | ')} |`),
  );
}

interface Reading {
  grid: Grid;
  findings: Finding[];
  t3Errors: string[];
}

async function read(text: string): Promise<Reading> {
  const parsed = await parseReport({ bytes: new TextEncoder().encode(text), filename: 'x.txt' });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  const findings = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report);
  return {
    grid: parsed.report.tables.requests,
    findings,
    t3Errors: findings
      .filter((f) => f.severity === 'error' && f.code.startsWith('T3_'))
      .map((f) => `${f.code} ${f.row}/${f.column}`),
  };
}

/** The damaged page and the table 三 rows (by key) whose printed line it touched. */
interface Damaged {
  rows: Rows;
  touched: string[];
  /** The column (key) blanked, if any. */
  blanked?: string;
}

type Damage = (report: AnnualReport, rows: Rows, i: number, j: number) => Damaged;

const keyAt = (report: AnnualReport, k: number) => FORMATS[report.format].requests.rows[k]!.key;

const DAMAGES: Record<string, Damage> = {
  'a row dropped': (report, rows, i) => {
    const k = i % rows.length;
    return { rows: rows.filter((_, n) => n !== k), touched: [keyAt(report, k)] };
  },
  'a cell shifted into the next row': (report, rows, i) => {
    const k = i % (rows.length - 1);
    const out = rows.map((r) => [...r]);
    const moved = out[k]!.pop()!;
    out[k + 1]!.splice(1, 0, moved);
    return { rows: out, touched: [keyAt(report, k), keyAt(report, k + 1)] };
  },
  'two rows run together on one line': (report, rows, i) => {
    const k = i % (rows.length - 1);
    return {
      rows: [...rows.slice(0, k), [...rows[k]!, ...rows[k + 1]!], ...rows.slice(k + 2)],
      touched: [keyAt(report, k), keyAt(report, k + 1)],
    };
  },
  'cells run together with no separator': (report, rows, i, j) => {
    // One or two rows, as a crawler saves them: the numbers of a row as one run of digits.
    const picked = new Set([i % rows.length, j % rows.length]);
    return {
      rows: rows.map((r, k) => (picked.has(k) ? [r[0]!, r.slice(1).join('')] : r)),
      touched: [...picked].map((k) => keyAt(report, k)),
    };
  },
  'a column blanked': (report, rows, _i, j) => {
    const column = 1 + (j % 7);
    return {
      rows: rows.map((r) => r.map((c, k) => (k === column ? '' : c))),
      touched: [],
      blanked: FORMATS[report.format].requests.columns[column - 1]!.key,
    };
  },
};

const blank = (v: CellValue | undefined) => v === null || v === undefined;

/**
 * What the issue asks of a damaged row: read as printed (the original numbers), or named by
 * a note of the reader as not read reliably, or — a row that is not on the page at all —
 * read as a row with no data and named so.
 */
function accountedFor(report: AnnualReport, got: Reading, key: string, dropped: boolean): string {
  const original = report.tables.requests[key]!;
  const row = got.grid[key] ?? {};
  const columns = Object.keys(original);
  if (columns.every((c) => row[c] === original[c])) return 'read as printed';
  const named = (code: Finding['code']) =>
    got.findings.some((f) => f.code === code && f.table === 'requests' && f.row === key);
  if (named('CELL_AMBIGUOUS')) return 'named as not read reliably';
  if (dropped && columns.every((c) => blank(row[c])) && named('CELL_EMPTY'))
    return 'named as a row with no data';
  return `read as ${JSON.stringify(row)} instead of ${JSON.stringify(original)}, and not said`;
}

for (const [name, damage] of Object.entries(DAMAGES)) {
  test(`damaging a well-read table 三 (${name}): no new T3 error, and the damage is read or said`, async () => {
    await fc.assert(
      fc.asyncProperty(balancedReport(), fc.nat(), fc.nat(), async (report, i, j) => {
        const rows = requestRows(report);
        const original = await read(page(report, rows));
        assert.equal(original.t3Errors.length, 0, 'the undamaged table reads right');
        const d = damage(report, rows, i, j);
        const got = await read(page(report, d.rows));
        assert.deepEqual(
          got.t3Errors.filter((e) => !original.t3Errors.includes(e)),
          [],
        );
        const dropped = name === 'a row dropped';
        for (const key of d.touched) {
          const how = accountedFor(report, got, key, dropped);
          assert.match(how, /^(read as printed|named as)/, `${key}: ${how}`);
          // A row not on the page held numbers: the sums over it are not assessed.
          const held = Object.values(report.tables.requests[key]!).some((v) => v !== 0);
          if (dropped && held && how !== 'read as printed')
            assert.ok(
              got.findings.some((f) => f.code === 'NOT_ASSESSED'),
              `${key}: not assessed`,
            );
        }
        // Rows the damage did not touch read as they were.
        for (const key of Object.keys(report.tables.requests)) {
          if (d.touched.includes(key)) continue;
          for (const [column, value] of Object.entries(report.tables.requests[key]!)) {
            const want = column === d.blanked ? null : value;
            assert.equal(got.grid[key]?.[column] ?? null, want, `${key}/${column}`);
          }
        }
        if (d.blanked) {
          // The blank cells are said to be blank, and never silently 0 in a failing sum:
          // where the column held numbers, the sums over it are not assessed.
          const column = d.blanked;
          assert.ok(
            got.findings.some(
              (f) => f.code === 'CELL_EMPTY' && f.table === 'requests' && f.column === column,
            ),
            'the blanked cells are reported',
          );
          const held = Object.values(report.tables.requests).some((r) => r[column] !== 0);
          if (held) assert.ok(got.findings.some((f) => f.code === 'NOT_ASSESSED'));
        }
      }),
      { numRuns: 60 },
    );
  });
}
