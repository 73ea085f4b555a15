// The composition: what the feature list adds up to is what the features declare, and a
// feature left out of the list adds nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarFeature } from './calendar/feature.js';
import { FEATURES, jobsOf, platformOf } from './features.js';
import type { CalendarDependent } from './calendar/calendar-changed.js';
import type { Feature } from './web/feature.js';
import { testConfig } from '../test/support/app.js';

const given = { files: null, config: testConfig() };

test('the poller gets the job handlers and schedules the features declare', () => {
  const { handlers, recurring } = jobsOf(FEATURES, given);
  assert.deepEqual(handlers.map((h) => h.type).sort(), [
    'audit.heads.export',
    'calendar.changed',
    'maintenance.purge',
    'privacy.retention',
    'publications.recheck',
    'publications.search.compact',
    'requests.reminders',
    'supervision.check-batch',
  ]);
  assert.ok(recurring.some((r) => r.type === 'maintenance.purge'));
  assert.ok(recurring.some((r) => r.type === 'requests.reminders'));
  assert.ok(recurring.some((r) => r.type === 'privacy.retention'));
  assert.ok(recurring.some((r) => r.type === 'publications.recheck'));
  assert.ok(recurring.some((r) => r.type === 'publications.search.compact'));
  assert.deepEqual(jobsOf([], given), { handlers: [], recurring: [] });
});

test('calendar dependents come from the features that declare one', async () => {
  const seen: string[] = [];
  const dependent: CalendarDependent = {
    name: 'test.dependent',
    recompute: async (change) => void seen.push(`${change.from}…${change.to}`),
  };
  const computing: Feature = { name: 'computing', calendarDependents: [dependent] };
  assert.deepEqual(platformOf([computing]).calendarDependents, [dependent]);
  assert.deepEqual(platformOf([calendarFeature]).calendarDependents, []);
  const [job] = jobsOf([calendarFeature, computing], given).handlers;
  assert.equal(job?.type, 'calendar.changed');
  const ctx = { signal: new AbortController().signal } as never;
  await job?.run({ from: '2026-01-01', to: '2026-01-31' }, ctx);
  assert.deepEqual(seen, ['2026-01-01…2026-01-31']);
});

test('report sources come from the features that declare one, in feature order', async () => {
  const source = (label: string) => ({ label, contribute: async () => ({}) });
  const first: Feature = { name: 'first', reportSource: source('甲') };
  const second: Feature = { name: 'second', reportSource: source('乙') };
  const labels = platformOf([first, calendarFeature, second]).reportSources.map((s) => s.label);
  assert.deepEqual(labels, ['甲', '乙']);
  assert.deepEqual(platformOf([calendarFeature]).reportSources, []);
});
