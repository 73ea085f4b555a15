// The retention arithmetic: a case is due exactly when its closing day is on or before the
// cutoff, including around 29 February; and the rules name every personal record type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { purgeDueOn, retentionCutoff, retentionRules } from './retention.js';

const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2080-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('due by the cutoff exactly when the period has run out', () => {
  fc.assert(
    fc.property(day, day, fc.integer({ min: 1, max: 30 }), (closed, today, years) => {
      assert.equal(closed <= retentionCutoff(today, years), purgeDueOn(closed, years) <= today);
    }),
    { numRuns: 2000 },
  );
});

test('29 February and ordinary days', () => {
  assert.equal(purgeDueOn('2016-02-29', 10), '2026-02-28');
  assert.equal(purgeDueOn('2016-02-29', 8), '2024-02-29');
  assert.equal(retentionCutoff('2026-02-28', 10), '2016-02-29');
  assert.equal(retentionCutoff('2026-12-01', 10), '2016-12-01');
  assert.equal(purgeDueOn('2021-03-15', 10), '2031-03-15');
});

test('the rules carry the configured period and cover the personal records', () => {
  const rules = retentionRules(12);
  assert.ok(rules.filter((r) => r.period.includes('满 12 年')).length >= 4);
  for (const record of ['申请人身份信息', '身份证明', '文书', '审计日志', '幂等键', '频率计数'])
    assert.ok(
      rules.some((r) => r.record.includes(record)),
      record,
    );
});
