import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { diffSentences, sentences } from './text-diff.js';

describe('diffSentences', () => {
  test('kept, removed and added sentences, in order', () => {
    assert.deepEqual(diffSentences('甲。乙。丙。', '甲。丁。丙。'), [
      { kind: 'same', text: '甲。' },
      { kind: 'added', text: '丁。' },
      { kind: 'removed', text: '乙。' },
      { kind: 'same', text: '丙。' },
    ]);
    assert.deepEqual(sentences('一行\n二行！三？'), ['一行', '二行！', '三？']);
  });

  test('either side can be rebuilt from the parts (property)', () => {
    const text = fc
      .array(fc.constantFrom('甲。', '乙。', '丙！', '丁；', '戊\n'), { maxLength: 12 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffSentences(a, b);
        const side = (k: 'removed' | 'added') =>
          parts.filter((p) => p.kind !== k).map((p) => p.text);
        assert.deepEqual(side('added'), sentences(a));
        assert.deepEqual(side('removed'), sentences(b));
      }),
    );
  });
});
