import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadlineRule, dueDate, isDeadline } from './deadline.js';

test('the deadline that applies, by level and kind (第四十九条 and the local schedule)', () => {
  const cases = [
    { level: 'county', kind: 'department', region: null, due: '01-31' },
    { level: 'city', kind: 'department', region: '02-28', due: '01-31' },
    { level: 'county', kind: 'government', region: null, due: '03-31' },
    { level: 'province', kind: 'government', region: '01-15', due: '03-31' },
    { level: 'township', kind: 'government', region: null, due: '01-31' },
    { level: 'township', kind: 'government', region: '02-15', due: '02-15' },
    { level: 'township', kind: 'department', region: '01-20', due: '01-20' },
  ] as const;
  for (const c of cases)
    assert.equal(deadlineRule(c, c.region).deadline, c.due, `${c.level}/${c.kind}/${c.region}`);
  assert.equal(dueDate(2021, deadlineRule(cases[0], null)), '2022-01-31');
});

test('a schedule is a real day of every year', () => {
  for (const ok of ['01-31', '02-28', '03-31', '12-01']) assert.ok(isDeadline(ok), ok);
  for (const bad of ['02-29', '02-30', '13-01', '1-31', '04-31', ''])
    assert.ok(!isDeadline(bad), bad);
});
