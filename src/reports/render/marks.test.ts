import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../model.js';
import { tableLayouts } from './layout.js';
import { markCells } from './marks.js';
import { zeroReport } from './test-support.js';
import { aFinding } from '../../../test/support/findings.js';

const layouts = tableLayouts(zeroReport('2021'));

function marked(f: Partial<Finding>): string[] {
  const finding = aFinding(f);
  return [...markCells([finding], layouts).cells.keys()].map((k) => k.split('\u0000').join('/'));
}

describe('markCells', () => {
  const cases: { name: string; finding: Partial<Finding>; cells: string[] }[] = [
    {
      name: 'a cell',
      finding: { code: 'CELL_INVALID', table: 'proactive', row: 'fees', column: 'amount_wan_yuan' },
      cells: ['proactive/fees/amount_wan_yuan'],
    },
    {
      name: 'T3_OUTCOME_SUM on a column: its （七）总计 only',
      finding: { code: 'T3_OUTCOME_SUM', column: 'other_org' },
      cells: ['requests/outcome_total/other_org'],
    },
    {
      name: 'CARRY_OVER on a column: its 上年结转 only',
      finding: { code: 'CARRY_OVER', column: 'natural_person' },
      cells: ['requests/carried_in/natural_person'],
    },
    {
      name: 'T3_BALANCE on a column: the four cells of the balance',
      finding: { code: 'T3_BALANCE', column: 'total' },
      cells: [
        'requests/received/total',
        'requests/carried_in/total',
        'requests/outcome_total/total',
        'requests/carried_out/total',
      ],
    },
    {
      name: 'another code on a whole column: every cell of it',
      finding: { code: 'CELL_EMPTY', severity: 'warning', table: 'review', column: 'pending' },
      cells: [
        'review/reconsideration/pending',
        'review/litigation_direct/pending',
        'review/litigation_after_reconsideration/pending',
      ],
    },
    {
      name: 'a row: every cell of it',
      finding: { code: 'CELL_AMBIGUOUS', severity: 'warning', table: 'proactive', row: 'rules' },
      cells: ['proactive/rules/issued', 'proactive/rules/repealed', 'proactive/rules/in_force'],
    },
    {
      name: 'a sum on a column that could not be assessed: the cells of the balance, not all 28',
      finding: { code: 'NOT_ASSESSED', severity: 'warning', column: 'other_org' },
      cells: [
        'requests/received/other_org',
        'requests/carried_in/other_org',
        'requests/outcome_total/other_org',
        'requests/carried_out/other_org',
      ],
    },
    {
      name: 'a section: nothing',
      finding: { code: 'SECTION_MISSING', table: null, section: 'other' },
      cells: [],
    },
    {
      name: 'a table without row or column: nothing',
      finding: { code: 'OLD_FORMAT', table: 'proactive' },
      cells: [],
    },
    {
      name: 'a row the format lacks: nothing',
      finding: { code: 'CELL_INVALID', row: 'no_such_row', column: 'total' },
      cells: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(marked(c.finding), c.cells));
});

describe('markCells: kinds, numbers and first cells', () => {
  const f = (x: Partial<Finding>): Finding => ({
    code: 'T3_BALANCE',
    severity: 'error',
    table: 'requests',
    row: null,
    column: null,
    section: null,
    expected: null,
    actual: null,
    message: '',
    ...x,
  });
  const findings = [
    f({ code: 'SECTION_MISSING', table: null, section: 'other' }),
    f({ code: 'CELL_EMPTY', severity: 'warning', row: 'other.other', column: 'total' }),
    f({ code: 'T3_OUTCOME_SUM', column: 'total' }),
    f({ code: 'CELL_AMBIGUOUS', severity: 'warning', row: 'other.other' }),
    f({ code: 'CELL_AMBIGUOUS', severity: 'warning', table: 'proactive', row: 'rules' }),
  ];
  const { cells, firstCell } = markCells(findings, layouts);
  const at = (table: string, row: string, column: string) =>
    cells.get(`${table}\u0000${row}\u0000${column}`);

  it('numbers findings by their place in the list, problems and notes apart', () => {
    assert.deepEqual(at('requests', 'other.other', 'total'), {
      kind: 'warning',
      problemNumbers: [2],
      noteNumbers: [4],
    });
    assert.deepEqual(at('requests', 'other.other', 'natural_person'), {
      kind: 'note',
      problemNumbers: [],
      noteNumbers: [4],
    });
    assert.deepEqual(at('requests', 'outcome_total', 'total'), {
      kind: 'error',
      problemNumbers: [3],
      noteNumbers: [],
    });
  });

  it("gives each marked finding its first cell in the tables' reading order, none to the others", () => {
    assert.deepEqual([...firstCell.keys()].sort(), [2, 3, 4, 5]);
    assert.deepEqual(firstCell.get(4), {
      table: 'requests',
      row: 'other.other',
      column: 'natural_person',
    });
    assert.deepEqual(firstCell.get(5), { table: 'proactive', row: 'rules', column: 'issued' });
  });
});
