// A finding as the checks make one, for tests that need findings without running the checks:
// a table-三 error with no place, message or figures unless the test says otherwise.
import type { Finding } from '../../src/reports/model.js';

export function aFinding(f: Partial<Finding> = {}): Finding {
  return {
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
}
