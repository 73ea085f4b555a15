import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseDate, isoDateCst } from './dates.js';

test('dates are shown in China Standard Time', () => {
  assert.equal(chineseDate('2026-11-29T10:00:00Z'), '2026年11月29日');
  // 16:00 UTC on 31 December is already 1 January in Beijing.
  assert.equal(chineseDate('2025-12-31T16:00:00Z'), '2026年1月1日');
  assert.equal(isoDateCst('2025-12-31T15:59:59Z'), '2025-12-31');
  assert.equal(isoDateCst(new Date('2025-12-31T16:00:00Z')), '2026-01-01');
});
