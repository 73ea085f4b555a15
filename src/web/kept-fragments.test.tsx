// Kept fragments: rendered once per inputs, never shared between fragments or inputs, bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptFragment, keptFragmentCount } from './kept-fragments.js';

test('a fragment is rendered once for the same inputs and again for others', () => {
  let renders = 0;
  const title = (name: string) =>
    keptFragment('test-title', [name], () => {
      renders++;
      return <h1 title={name}>{name}</h1>;
    });
  const first = String(title('<b>"甲"</b>'));
  assert.equal(
    first,
    '<h1 title="&lt;b&gt;&quot;甲&quot;&lt;/b&gt;">&lt;b&gt;&quot;甲&quot;&lt;/b&gt;</h1>',
  );
  assert.equal(String(title('<b>"甲"</b>')), first);
  assert.equal(renders, 1);
  assert.equal(String(title('乙')), '<h1 title="乙">乙</h1>');
  assert.equal(renders, 2);
  // The same inputs under another name are another fragment.
  assert.equal(String(keptFragment('test-other', ['乙'], () => <p>乙</p>)), '<p>乙</p>');
});

test('a kept fragment goes into a page as HTML, not as escaped text', () => {
  const nav = keptFragment('test-nav', [], () => <nav>栏目</nav>);
  assert.equal(String(<main>{nav}</main>), '<main><nav>栏目</nav></main>');
});

test('the fragments kept are bounded: the oldest goes first', () => {
  for (let i = 0; i < 5000; i++) keptFragment('test-many', [i], () => <i>{i}</i>);
  assert.equal(keptFragmentCount(), 4000);
  let rendered = false;
  keptFragment('test-many', [4999], () => {
    rendered = true;
    return <i />;
  });
  assert.equal(rendered, false, 'the newest is still kept');
  keptFragment('test-many', [0], () => {
    rendered = true;
    return <i>0</i>;
  });
  assert.equal(rendered, true, 'the oldest was dropped');
});

test('a fragment that does not render at once is refused', () => {
  async function Late() {
    await Promise.resolve();
    return <p>迟</p>;
  }
  assert.throws(() => keptFragment('test-late', [], () => <Late />), /did not render at once/);
});
