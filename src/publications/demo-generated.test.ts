// The generated demo items: the same on every call, the counts asked for, plausible
// metadata from the platform's own definitions, and every one marked as demo content.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officialSeed } from '../calendar/seed.js';
import { createCalendar, isWorkingDay } from '../calendar/working-days.js';
import {
  generateDemoItems,
  GENERATED_SUMMARY_NOTE,
  GENERATED_TITLE_PREFIX,
} from './demo-generated.js';
import { categoriesFor, GENRES, SUBJECTS } from './item.js';

const TAKEN = ['灵街办发〔2021〕8号', '灵街办发〔2021〕30号', '灵街办通〔2021〕2号'];
const OPTIONS = {
  count: 172,
  onWechat: 146,
  onWeibo: 59,
  firstN: 101,
  takenNumbers: new Set(TAKEN),
};

test('the generated items are deterministic and as many as asked, in publication order', () => {
  const items = generateDemoItems(OPTIONS);
  assert.deepEqual(generateDemoItems(OPTIONS), items);
  assert.equal(items.length, 172);
  assert.deepEqual(
    items.map((d) => d.n),
    Array.from({ length: 172 }, (_, i) => 101 + i),
  );
  const dates = items.map((d) => d.publishedOn ?? '');
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(items.filter((d) => d.channels?.wechat).length, 146);
  assert.equal(items.filter((d) => d.channels?.weibo).length, 59);
  assert.equal(generateDemoItems({ ...OPTIONS, count: 20 }).length, 20);
});

test('every generated item is marked as demo content, with metadata from the data definitions', () => {
  const items = generateDemoItems(OPTIONS);
  const seed = officialSeed();
  const calendar = createCalendar({ days: seed.days, loadedYears: seed.years });
  const township = new Set(categoriesFor('township').map((c) => c.code));
  const months = new Set<string>();
  for (const d of items) {
    assert.ok(d.title.startsWith(GENERATED_TITLE_PREFIX), d.title);
    assert.ok(d.summary.endsWith(GENERATED_SUMMARY_NOTE), d.title);
    assert.match(d.body, /演示内容/);
    assert.equal(d.state, 'published');
    const on = d.publishedOn ?? '';
    assert.match(on, /^2021-/);
    assert.ok(isWorkingDay(calendar, on).working, `${on} is a working day`);
    assert.ok(d.formedOn <= on && d.formedOn >= '2020-12-28', d.title);
    assert.ok(township.has(d.category), d.category);
    // Not a 规范性文件: table 二 counts those, and the seed's 2021 report issued none.
    assert.notEqual(d.category, 'a20-1');
    assert.ok(SUBJECTS.includes(d.subject), d.subject);
    assert.ok(GENRES.includes(d.genre), d.genre);
    // Never the words the realistic items are searched by.
    assert.doesNotMatch(`${d.title}${d.summary}${d.body}`, /征地|城市管理|占道/);
    months.add(on.slice(0, 7));
  }
  assert.equal(months.size, 12, 'spread over the year');
  assert.equal(new Set(items.map((d) => d.title)).size, items.length, 'no title twice');
  const numbers = items.flatMap((d) => (d.documentNumber ? [d.documentNumber] : []));
  assert.equal(new Set(numbers).size, numbers.length, 'no 文号 twice');
  for (const taken of TAKEN) assert.ok(!numbers.includes(taken), taken);
});
