// Every action any feature writes has a Chinese name: the source is scanned for the
// `action: '…'` literals of recorded events (also inside conditionals).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { actionLabel, fieldLabel, hasActionLabel, subjectLabel } from './audit-labels.js';

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
  const missing = [...actions].filter(([a]) => !hasActionLabel(a));
  assert.deepEqual(missing, [], 'actions without a label (action, file)');
});

test('labels come from the owning feature; unknown names are shown as stored', () => {
  assert.equal(actionLabel('calendar.import'), '导入节假日安排');
  assert.equal(subjectLabel('agency'), '机关');
  assert.equal(fieldLabel('agency', 'fullName'), '机关全称');
  assert.equal(fieldLabel('calendar_day', 'kind'), '安排');
  assert.equal(actionLabel('x.unknown'), 'x.unknown');
  assert.equal(hasActionLabel('x.unknown'), false);
  assert.equal(hasActionLabel('toString'), false);
});
