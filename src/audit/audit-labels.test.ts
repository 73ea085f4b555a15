// Every action any feature writes has a Chinese name: the source is scanned for the
// `action: '…'` literals of recorded events (also inside conditionals).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FEATURES, platformOf } from '../features.js';
import { auditLabelIndex } from './audit-labels.js';

const labels = platformOf(FEATURES).auditLabels;

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\baction:\s*([^\n]+)/g)) {
      for (const lit of (m[1] ?? '').matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g))
        found.set(lit[1] ?? '', file.slice(SRC.length));
    }
  }
  return found;
}

test('every action written in the source has a Chinese label', () => {
  const actions = writtenActions();
  // The scan finds the actions of every feature (so it cannot pass by finding none).
  for (const known of ['auth.login', 'account.deactivate', 'agency.update', 'calendar.import'])
    assert.ok(actions.has(known), `scan found ${known}`);
  const missing = [...actions].filter(([a]) => !labels.hasAction(a));
  assert.deepEqual(missing, [], 'actions without a label (action, file)');
});

test('labels come from the owning feature; unknown names are shown as stored', () => {
  assert.equal(labels.action('calendar.import'), '导入节假日安排');
  assert.equal(labels.subject('agency'), '机关');
  assert.equal(labels.field('agency', 'fullName'), '机关全称');
  assert.equal(labels.field('calendar_day', 'kind'), '安排');
  assert.equal(labels.action('x.unknown'), 'x.unknown');
  assert.equal(labels.hasAction('x.unknown'), false);
  assert.equal(labels.hasAction('toString'), false);
  assert.equal(labels.action('toString'), 'toString');
  assert.equal(labels.field('agency', 'constructor'), 'constructor');
});

test('field labels of one subject type given by two features are merged, not replaced', () => {
  const index = auditLabelIndex([
    { actions: {}, subjects: { case: '案件' }, fields: { case: { state: '状态' } } },
    { actions: { 'case.x': '操作' }, subjects: {}, fields: { case: { outcome: '结果' } } },
  ]);
  assert.equal(index.field('case', 'state'), '状态');
  assert.equal(index.field('case', 'outcome'), '结果');
  assert.equal(index.subject('case'), '案件');
  assert.equal(index.hasAction('case.x'), true);
});

test('a feature not in the list adds no labels', () => {
  const index = auditLabelIndex([]);
  assert.equal(index.hasAction('calendar.import'), false);
  assert.deepEqual(index.subjectOptions(), []);
});
