// Property tests (issue 11): a well-read table 三, printed as page text with `|` separators,
// then damaged the ways real pages are — a row dropped, a cell shifted into the next row,
// two rows run together on one line, a row's cells run together, a column blanked — never
// yields a T3_* error that the undamaged table does not have. The reader says what it could
// not read, and the sums over those cells are NOT_ASSESSED.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AnnualReport } from '../model.js';
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

async function t3Errors(text: string): Promise<string[]> {
  const parsed = await parseReport({ bytes: new TextEncoder().encode(text), filename: 'x.txt' });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report)
    .filter((f) => f.severity === 'error' && f.code.startsWith('T3_'))
    .map((f) => `${f.code} ${f.row}/${f.column}`);
}

type Damage = (rows: Rows, i: number, j: number) => Rows;

const DAMAGES: Record<string, Damage> = {
  'a row dropped': (rows, i) => rows.filter((_, k) => k !== i % rows.length),
  'a cell shifted into the next row': (rows, i) => {
    const k = i % (rows.length - 1);
    const out = rows.map((r) => [...r]);
    const moved = out[k]!.pop()!;
    out[k + 1]!.splice(1, 0, moved);
    return out;
  },
  'two rows run together on one line': (rows, i) => {
    const k = i % (rows.length - 1);
    return [...rows.slice(0, k), [...rows[k]!, ...rows[k + 1]!], ...rows.slice(k + 2)];
  },
  'cells run together with no separator': (rows, i, j) => {
    // One or two rows, as a crawler saves them: the numbers of a row as one run of digits.
    const picked = new Set([i % rows.length, j % rows.length]);
    return rows.map((r, k) => (picked.has(k) ? [r[0]!, r.slice(1).join('')] : r));
  },
  'a column blanked': (rows, _i, j) => {
    const column = 1 + (j % 7);
    return rows.map((r) => r.map((c, k) => (k === column ? '' : c)));
  },
};

for (const [name, damage] of Object.entries(DAMAGES)) {
  test(`damaging a well-read table 三 (${name}) yields no T3 error the original does not have`, async () => {
    await fc.assert(
      fc.asyncProperty(balancedReport(), fc.nat(), fc.nat(), async (report, i, j) => {
        const rows = requestRows(report);
        const original = new Set(await t3Errors(page(report, rows)));
        assert.equal(original.size, 0, 'the undamaged table reads right');
        const damaged = await t3Errors(page(report, damage(rows, i, j)));
        assert.deepEqual(
          damaged.filter((e) => !original.has(e)),
          [],
        );
      }),
      { numRuns: 60 },
    );
  });
}
