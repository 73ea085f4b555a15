// Every real report of the corpus read through the real reader and checks, cell for cell,
// against its hand-checked sidecar. The differences must be exactly those of the ratchet
// list (known-misreads.json): a new misread fails, and so does a listed misread that is now
// read right (remove it from the list). An arithmetic error the report does not have fails
// always: it can never be listed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  figures,
  isArithmetic,
  loadCorpus,
  misreadsList,
  MISREADS_FILE,
  readFixture,
  type FixtureResult,
  type Misreads,
} from './real-corpus.js';

const corpus = loadCorpus();
const listed = JSON.parse(readFileSync(MISREADS_FILE, 'utf8')) as Record<string, Misreads>;
const results: FixtureResult[] = [];

test('the corpus holds at least 40 real reports, each with its source, kind, year, level and format', () => {
  assert.ok(corpus.length >= 40, `only ${corpus.length} reports`);
  for (const e of corpus) {
    assert.ok(Object.keys(e.source).length > 0, `${e.name}: no source`);
    assert.match(e.name, /^(20\d\d)-[a-z-]+-[a-z0-9-]+$/u, `${e.name}: file name`);
    assert.equal(Number(e.name.slice(0, 4)), e.year, `${e.name}: year in the name`);
    assert.ok(['text', 'html', 'markdown', 'pdf', 'docx'].includes(e.kind), `${e.name}: kind`);
    assert.ok(['2019', '2021'].includes(e.format), `${e.name}: format`);
    assert.ok(e.level.length > 0, `${e.name}: level`);
    assert.ok(Object.keys(e.tables).length > 0, `${e.name}: no expected cells`);
  }
  for (const name of Object.keys(listed))
    assert.ok(
      corpus.some((e) => e.name === name),
      `known-misreads.json names ${name}, which is not in the corpus`,
    );
});

for (const entry of corpus) {
  test(`real report ${entry.name}`, async () => {
    const result = await readFixture(entry);
    results.push(result);
    assert.deepEqual(
      result.falseErrors.filter(isArithmetic),
      [],
      `${entry.name}: arithmetic errors the report does not have (never allowed in the list)`,
    );
    const known = listed[entry.name] ?? { cells: {}, missingErrors: [], extraErrors: [] };
    assert.deepEqual(
      result.misreads,
      known,
      `${entry.name}: the reading differs from known-misreads.json; a cell no longer listed is a new misread, a listed cell now read right must be removed. Its entry should read:\n${JSON.stringify(result.misreads, null, 2)}`,
    );
  });
}

test('the ratchet list names no report that is now read fully right', () => {
  // Runs after the fixtures above (node:test runs a file's tests in order).
  assert.equal(results.length, corpus.length);
  assert.deepEqual(Object.keys(listed).sort(), Object.keys(misreadsList(results)).sort());
  const f = figures(results);
  const falseErrors = results.flatMap((r) => r.falseErrors.map((k) => `${r.entry.name}: ${k}`));
  assert.equal(f.falseErrors, falseErrors.length);
  assert.deepEqual(falseErrors, [], 'errors of any kind the reports do not have');
});
