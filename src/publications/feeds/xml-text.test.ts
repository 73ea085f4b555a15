import assert from 'node:assert/strict';
import { test } from 'node:test';
import { xmlText } from './xml-text.js';

test('markup characters are escaped and characters XML cannot carry are dropped', () => {
  assert.equal(xmlText(`a<b>&"c"'d'`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
  assert.equal(xmlText('x\u0000y\u0007z\u001f\ufffe'), 'xyz');
  assert.equal(xmlText('tab\tnew\nline\r'), 'tab\tnew\nline\r');
  // A lone surrogate goes; a pair (an emoji, a rare Han character) stays.
  assert.equal(xmlText('a\ud800b\udc00c'), 'abc');
  assert.equal(xmlText('𠀀😀'), '𠀀😀');
});
