import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SectionKey } from '../format/index.js';
import { blankReport } from './fixtures/build.js';
import { checkSectionNumbering, checkSectionsPresent } from './sections.js';

test('SECTION_MISSING: one error per absent section, naming it', () => {
  const r = blankReport();
  r.sections = r.sections.map((s) =>
    s.key === 'other' || s.key === 'problems' ? { ...s, heading: null } : s,
  );
  const found = checkSectionsPresent(r);
  assert.deepEqual(
    found.map((f) => [f.code, f.severity, f.section]),
    [
      ['SECTION_MISSING', 'error', 'problems'],
      ['SECTION_MISSING', 'error', 'other'],
    ],
  );
  assert.match(found[1]?.message ?? '', /六、其他需要报告的事项/);
});

test('SECTION_MISSING: a section dropped from the list is missing too', () => {
  const r = blankReport();
  r.sections = r.sections.filter((s) => s.key !== 'review');
  assert.deepEqual(
    checkSectionsPresent(r).map((f) => f.section),
    ['review'],
  );
});

const numbering: { heading: string; key: SectionKey; printed: string | null }[] = [
  { key: 'overview', heading: '一、总体情况', printed: null },
  { key: 'overview', heading: '一 、总体情况', printed: null },
  {
    key: 'review',
    heading: '[bookmark: bookmark15]四、政府信息公开行政复议、行政诉讼情况',
    printed: null,
  },
  { key: 'overview', heading: '—、总体情况', printed: '—、' },
  { key: 'requests', heading: '3、 收到和处理政府信息公开申请情况', printed: '3、' },
  { key: 'problems', heading: '5、存在的主要问题及改进情况', printed: '5、' },
  { key: 'proactive', heading: '三、主动公开政府信息情况', printed: '三、' },
  { key: 'other', heading: '六.其他需要报告的事项', printed: '六.' },
  { key: 'other', heading: '其他需要报告的事项', printed: '' },
];

for (const c of numbering) {
  test(`SECTION_NUMBERING: 「${c.heading}」`, () => {
    const r = blankReport();
    r.sections = r.sections.map((s) => (s.key === c.key ? { ...s, heading: c.heading } : s));
    const found = checkSectionNumbering(r);
    if (c.printed === null) return assert.deepEqual(found, []);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.code, 'SECTION_NUMBERING');
    assert.equal(found[0]?.severity, 'warning');
    assert.equal(found[0]?.section, c.key);
    if (c.printed) assert.ok(found[0]?.message.includes(`编号为“${c.printed}”`), found[0]?.message);
    else assert.match(found[0]?.message ?? '', /没有编号/);
  });
}

test('SECTION_NUMBERING says nothing about an absent section (SECTION_MISSING does)', () => {
  const r = blankReport();
  r.sections = r.sections.map((s) => (s.key === 'other' ? { ...s, heading: null } : s));
  assert.deepEqual(checkSectionNumbering(r), []);
});
