import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsPattern } from './text-match.js';

test('wildcards typed into a search box are matched literally', () => {
  assert.equal(containsPattern('灵山卫'), '%灵山卫%');
  assert.equal(containsPattern('100%_a\\b'), '%100\\%\\_a\\\\b%');
});
