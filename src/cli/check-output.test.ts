// What `gongkai check` says of a report by its status's precedence: a 提示 beside sums that
// could not be checked is 部分未能核对, with what to do, and is counted so in the summary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../reports/model.js';
import { checkText, type CheckedFile } from './check-output.js';
import type { ReportSummary } from '../reports/read/protocol.js';
import { aFinding } from '../../test/support/findings.js';

const finding = (code: Finding['code']): Finding =>
  aFinding({ code, severity: 'warning', message: `${code}的说明` });

const file = (source: string, findings: Finding[]): CheckedFile<ReportSummary> => ({
  source,
  ok: true,
  report: {
    agency: '示例街道办事处',
    year: 2022,
    format: '2021',
    corrections: findings.map(() => null),
  },
  findings,
});

test('a report with a 提示 and sums not checked is 部分未能核对, not 仅有提示', () => {
  const text = checkText([
    file('both.txt', [finding('LATE'), finding('NOT_ASSESSED')]),
    file('late.txt', [finding('LATE')]),
  ]);
  const [both, late] = text.split('\n\n');
  assert.match(
    both!,
    /^both\.txt：示例街道办事处2022年度报告（2021年格式），部分未能核对（错误0项，提示1项；另有读取说明1条）\n/,
  );
  assert.match(both!, /请对照原文人工核对/);
  assert.match(late!, /^late\.txt：.*，仅有提示（错误0项，提示1项）/);
  assert.doesNotMatch(late!, /请对照原文人工核对/);
  assert.match(text, /共检查2份报告，0份有错误，1份部分未能核对（需人工核对）。\n$/);
});
