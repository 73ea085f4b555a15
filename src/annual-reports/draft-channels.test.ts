// Section 二's sentence on channels: 「其中」 only when the channel counts are parts of the
// total; when items went out on several channels (the counts add up to more), it says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2021 } from '../reports/format/index.js';
import { draftSections } from './draft.js';

function proactive(publishedItems: number, publishedPerChannel: Record<string, number>): string {
  const sections = draftSections(
    FORMAT_2021,
    2021,
    { publishedItems, publishedPerChannel },
    { proactive: {}, requests: {}, review: {} },
    new Set(),
  );
  return sections.find((s) => s.key === 'proactive')?.text.split('\n')[0] ?? '';
}

test('overlapping channels are not written as parts of the total', () => {
  // 180 items; 179 on the website, 2 on the notice board — one item on both.
  const text = proactive(180, { website: 179, notice_board: 2 });
  assert.equal(
    text,
    '2021年主动公开政府信息180条，按发布渠道统计（同一信息可通过多个渠道发布）：通过政府网站公开179条，通过公告栏公开2条。',
  );
  assert.doesNotMatch(text, /其中/);
});

test('channels that add up to no more than the total are written as its parts', () => {
  assert.equal(
    proactive(181, { website: 179, notice_board: 2 }),
    '2021年主动公开政府信息181条，其中通过政府网站公开179条，通过公告栏公开2条。',
  );
  assert.equal(proactive(5, {}), '2021年主动公开政府信息5条。');
});
