// Reading notes (how the file was read) apart from the report's own problems: counted
// apart and numbered after them, the same for the console's check and for supervision.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../model.js';
import { findingCounts, isReadingNote, numberedFindings } from './reading-notes.js';

const finding = (code: Finding['code'], severity: Finding['severity']): Finding => ({
  code,
  severity,
  table: 'requests',
  row: 'received',
  column: 'total',
  section: null,
  expected: 9,
  actual: 8,
  message: code,
});

describe('reading notes', () => {
  it('counts reading notes apart from the report’s own warnings', () => {
    const counts = findingCounts([
      finding('T3_TOTAL_COLUMN', 'error'),
      finding('LATE', 'warning'),
      finding('CELL_AMBIGUOUS', 'warning'),
      finding('NOT_ASSESSED', 'warning'),
    ]);
    assert.deepEqual(counts, { errors: 1, warnings: 1, notes: 2, unassessed: 1 });
  });
  it('numbers the report’s problems first, the notes after them, each list in its order', () => {
    const { problems, notes, all } = numberedFindings([
      finding('CELL_AMBIGUOUS', 'warning'),
      finding('T3_BALANCE', 'error'),
      finding('NOT_ASSESSED', 'warning'),
      finding('LATE', 'warning'),
    ]);
    assert.deepEqual(
      problems.map((f) => f.code),
      ['T3_BALANCE', 'LATE'],
    );
    assert.deepEqual(
      notes.map((f) => f.code),
      ['CELL_AMBIGUOUS', 'NOT_ASSESSED'],
    );
    assert.deepEqual(all, [...problems, ...notes]);
    assert.equal(isReadingNote(finding('CELL_EMPTY', 'warning')), false);
  });
});
