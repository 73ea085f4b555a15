import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../model.js';
import { tableLayouts } from './layout.js';
import { markCells } from './marks.js';
import { zeroReport } from './test-support.js';

const layouts = tableLayouts(zeroReport('2021'));

function marked(f: Partial<Finding>): string[] {
  const finding: Finding = {
    code: 'T3_BALANCE',
    severity: 'error',
    table: 'requests',
    row: null,
    column: null,
    section: null,
    expected: null,
    actual: null,
    message: '',
    ...f,
  };
  return [...markCells([finding], layouts).keys()].map((k) => k.split('\u0000').join('/'));
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
