import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  agencyToken,
  htmlText,
  indexText,
  markTerms,
  queryPhrases,
  rawTokens,
} from './search-tokens.js';

const has = (doc: string, query: string) => {
  const tokens = ` ${indexText(doc)} `;
  // A phrase matches when its tokens appear in order, adjacent (as the databases check it).
  return queryPhrases(query).every((phrase) => tokens.includes(` ${phrase.join(' ')} `));
};

test('Han text becomes overlapping bigrams; letters and digits become words', () => {
  assert.deepEqual(rawTokens('征地补偿'), [['征地', '地补', '补偿']]);
  assert.deepEqual(rawTokens('低'), [['低']]);
  assert.deepEqual(rawTokens('灵街办发〔2021〕8号'), [
    ['灵街', '街办', '办发'],
    ['2021'],
    ['8'],
    ['号'],
  ]);
  assert.deepEqual(rawTokens('ＡＢＣ１２'), [['abc12']]);
});

test('two-character words match; characters apart do not', () => {
  assert.ok(has('关于集体土地征地补偿的公告', '征地'));
  assert.ok(has('城乡低保救助对象', '低保'));
  assert.equal(has('征求意见后修建地下通道', '征地'), false);
  assert.ok(has('灵街办发〔2021〕8号', '〔2021〕8号'));
  assert.equal(has('灵街办发〔2021〕9号', '〔2021〕8号'), false);
  assert.ok(has('征地补偿 城市管理', '城市管理 征地'));
});

test('tokens are ASCII for the database, and a query with nothing to search is empty', () => {
  assert.match(indexText('征地 ABC'), /^[a-z0-9 ]+$/);
  assert.deepEqual(queryPhrases(' ，。! '), []);
});

test('matches are marked for highlighting; the body is searched as text', () => {
  assert.deepEqual(markTerms('征地补偿征地', ['征地']), [
    { text: '征地', mark: true },
    { text: '补偿', mark: false },
    { text: '征地', mark: true },
  ]);
  assert.equal(htmlText('<p>a &lt;b&gt; &amp; c</p>').trim(), 'a <b> & c');
});

test("an agency's token is its own, and no text ever makes one", () => {
  const ids = ['cat0001', 'cat0010', '00000000-0000-4000-8000-000000000001', '机关甲', 'a1'];
  const tokens = ids.map(agencyToken);
  assert.equal(new Set(tokens).size, ids.length);
  assert.equal(agencyToken('cat0001'), 'a63617430303031');
  for (const [i, id] of ids.entries()) {
    // The ascii tokenizers keep it whole: letters and digits only.
    assert.match(tokens[i]!, /^a[0-9a-f]+$/);
    const typed = [...queryPhrases(tokens[i]!), ...queryPhrases(id)].flat();
    assert.ok(typed.length > 0);
    assert.ok(typed.every((t) => t.startsWith('x') && !tokens.includes(t)));
    assert.ok(
      indexText(tokens[i]!, id)
        .split(' ')
        .every((t) => !tokens.includes(t)),
    );
  }
});
