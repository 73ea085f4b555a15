// The findings spreadsheets' figures say what they are: a sum's computed value beside the
// cell the report fills, and nothing where the two figures are not such a pair (the seed's
// T3_BALANCE once read 「应为0，实为9」 beside the correction of another cell).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseReport } from '../parse/index.js';
import type { Finding } from '../model.js';
import { FINDING_HEADER, findingCells, findingFigures, noFindingCells } from './finding-columns.js';
import { checkReport, mergeFindings } from './index.js';

const seedBytes = () =>
  new Uint8Array(
    readFileSync(
      new URL('../../../test/fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
    ),
  );

const at = (label: (typeof FINDING_HEADER)[number]) => FINDING_HEADER.indexOf(label);

const finding = (code: Finding['code'], expected: number | null, actual: number | null) =>
  ({
    code,
    severity: 'error',
    table: 'requests',
    row: 'received',
    column: 'total',
    section: null,
    expected,
    actual,
    message: code,
  }) satisfies Finding;

describe('finding columns', () => {
  it('the seed: its balance has no rival figures beside the one correction; its 总计 has 9 against 0', async () => {
    const parsed = await parseReport({ bytes: seedBytes(), filename: 'seed.txt' });
    assert.ok(parsed.ok);
    const findings = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report);
    const rows = findingCells(parsed.report, findings);
    assert.equal(rows.length, findings.length);
    assert.ok(rows.every((r) => r.length === FINDING_HEADER.length));
    const figures = (r: string[]) => [
      r[at('按勾稽关系计算值')],
      r[at('报告所列值')],
      r[at('经核算的更正')],
    ];
    const balance = rows.find((r) => r[at('问题代码')] === 'T3_BALANCE' && r[at('列')] === '总计');
    assert.deepEqual(figures(balance!), ['', '', '“总计”列第一项应为9（8+1，现为0）']);
    const total = rows.find((r) => r[at('问题代码')] === 'T3_TOTAL_COLUMN');
    assert.deepEqual(figures(total!), ['9', '0', '“总计”列第一项应为9（8+1，现为0）']);
    // Reading notes come after the report's problems, as 读取说明, without figures.
    const kinds = rows.map((r) => r[at('类别')]);
    assert.ok(kinds.includes('读取说明'));
    assert.ok(kinds.indexOf('读取说明') > kinds.lastIndexOf('报告问题'));
    for (const r of rows.filter((x) => x[at('类别')] === '读取说明'))
      assert.deepEqual(figures(r).slice(0, 2), ['', ''], r[at('问题说明')]);
  });

  it('names a computed value only where it is the marked cell’s', () => {
    for (const code of ['T3_OUTCOME_SUM', 'T4_SUM', 'CARRY_OVER', 'T2_STOCK'] as const)
      assert.deepEqual(findingFigures(finding(code, 9, 8)), { computed: 9, listed: 8 }, code);
    assert.deepEqual(findingFigures(finding('CELL_INVALID', null, -3)), {
      computed: null,
      listed: -3,
    });
    for (const code of ['T3_BALANCE', 'NARRATIVE_MISMATCH', 'LATE', 'CELL_AMBIGUOUS'] as const)
      assert.deepEqual(findingFigures(finding(code, 9, 8)), { computed: null, listed: null }, code);
  });

  it('a file without findings fills only its message', () => {
    const cells = noFindingCells('文件是空的');
    assert.equal(cells.length, FINDING_HEADER.length);
    assert.equal(cells[at('问题说明')], '文件是空的');
    assert.equal(cells.filter(Boolean).length, 1);
  });
});
