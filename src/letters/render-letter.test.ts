import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { letterText } from './compose.js';
import { checkContext } from './context-check.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { LETTER_KIND_INFO, LETTER_KINDS, replyKindOf } from './kinds.js';
import { sampleContext } from './placeholders.js';
import { renderLetter } from './render-letter.js';
import { checkTemplate } from './template.js';

const agency = { fullName: '青岛市黄岛区人民政府灵山卫街道办事处', shortName: '灵山卫街道' };

function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('every kind with a full sample context', () => {
  for (const kind of LETTER_KINDS) {
    test(`${LETTER_KIND_INFO[kind].name}: the shipped template passes its checks and leaves no placeholder`, async () => {
      assert.deepEqual(checkTemplate(kind, DEFAULT_TEMPLATES[kind]), {});
      const context = checkContext(kind, sampleContext(kind));
      assert.ok(context.ok);
      const letter = await renderLetter({
        kind,
        template: DEFAULT_TEMPLATES[kind],
        agency,
        issuedOn: '2024-03-12',
        seq: 7,
        values: context.values,
      });
      const text = letterText(letter.doc);
      const root = parse(letter.html);
      const docx = docxText(letter.docx);
      for (const [form, body] of [
        ['text', text],
        ['html', root.querySelector('main')!.text],
        ['docx', docx],
      ] as const) {
        assert.doesNotMatch(body, /[{}｛｝]/, `${form}: a placeholder is left`);
        assert.match(body, /灵山卫街道依申.〔2024〕7号/, `${form}: the letter number`);
        assert.match(body, /2024年3月12日/, `${form}: the date in Chinese`);
        assert.match(body, /青岛市黄岛区人民政府灵山卫街道办事处/, `${form}: the agency`);
      }
      assert.equal(root.querySelector('html')!.getAttribute('lang'), 'zh-CN');
      assert.equal(root.querySelectorAll('style').length, 0, 'no inline style');
      assert.equal(root.querySelectorAll('[style]').length, 0, 'no style attribute');
      assert.match(
        root.querySelector('link[rel=stylesheet]')!.getAttribute('href')!,
        /^\/static\/letters\/letter\.[0-9a-f]{12}\.css$/,
      );
      const addressee =
        LETTER_KIND_INFO[kind].addressedTo === 'applicant' ? '张三：' : '青岛某某置业有限公司：';
      assert.equal(letter.doc.addressee, addressee);
      if (LETTER_KIND_INFO[kind].addressedTo === 'third_party')
        assert.doesNotMatch(text, /张三/, 'the third party never learns who applied');
      if (LETTER_KIND_INFO[kind].reply) {
        for (const body of [text, docx]) {
          assert.match(body, /60日内向青岛市黄岛区人民政府申请行政复议/);
          assert.match(body, /6个月内依法向青岛市黄岛区人民法院提起行政诉讼/);
          const { legalBasis, reasons } = context.values as { legalBasis: string; reasons: string };
          assert.match(legalBasis, /^《中华人民共和国政府信息公开条例》第/);
          assert.ok(body.includes(`根据${legalBasis}的规定`), 'the legal ground is cited');
          assert.ok(body.includes(reasons), 'the reasons are given');
        }
      }
      // Word's East-Asian fonts are the 公文 ones.
      const xml = strFromU8(unzipSync(letter.docx)['word/document.xml']!);
      assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
      assert.match(xml, /w:eastAsia="方正小标宋简体"/);
    });
  }
});

test('a list is printed one numbered paragraph per item, and money in 元', async () => {
  const correction = await renderLetter({
    kind: 'correction_notice',
    template: DEFAULT_TEMPLATES.correction_notice,
    agency,
    issuedOn: '2024-03-12',
    seq: 1,
    values: { ...sampleContext('correction_notice'), correctionItems: ['甲', '乙', '丙'] },
  });
  assert.ok(['1．甲', '2．乙', '3．丙'].every((p) => correction.doc.paragraphs.includes(p)));
  const fee = await renderLetter({
    kind: 'fee_notice',
    template: DEFAULT_TEMPLATES.fee_notice,
    agency,
    issuedOn: '2024-03-12',
    seq: 1,
    values: { ...sampleContext('fee_notice'), feeAmount: 123450 },
  });
  assert.ok(fee.doc.paragraphs.includes('应缴金额：人民币1234.50元。'));
});

test('a footer line whose only placeholder is left empty is not printed', async () => {
  const { contact: _, ...withoutContact } = sampleContext('receipt');
  const letter = await renderLetter({
    kind: 'receipt',
    template: DEFAULT_TEMPLATES.receipt,
    agency,
    issuedOn: '2024-03-12',
    seq: 1,
    values: withoutContact,
  });
  assert.deepEqual(letter.doc.footer, []);
  assert.doesNotMatch(letter.html, /联系人及电话/);
});

test('values are text: markup in a value prints as the characters typed', async () => {
  const evil = '<script>alert(1)</script>&<b>';
  const letter = await renderLetter({
    kind: 'receipt',
    template: DEFAULT_TEMPLATES.receipt,
    agency: { fullName: '<i>机关</i>', shortName: '"x"' },
    issuedOn: '2024-03-12',
    seq: 1,
    values: { ...sampleContext('receipt'), applicant: evil, requestSummary: evil },
  });
  assert.doesNotMatch(letter.html, /<script>|<b>|<i>/);
  assert.match(letter.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;&lt;b&gt;/);
  const root = parse(letter.html);
  assert.equal(root.querySelector('.addressee')!.text, `${evil}：`);
  assert.equal(root.querySelectorAll('script').length, 0);
  // Word escapes its XML the same way.
  assert.match(docxText(letter.docx), /&lt;script&gt;/);
});

test('a context missing a value, or with a bad date, is refused naming the placeholder', () => {
  const { dueOn: _, ...noDue } = sampleContext('receipt');
  assert.deepEqual(checkContext('receipt', noDue), { ok: false, message: '缺少{答复期限}' });
  assert.deepEqual(checkContext('receipt', { ...sampleContext('receipt'), dueOn: '2024/4/2' }), {
    ok: false,
    message: '{答复期限}应为“年-月-日”格式的日期',
  });
  assert.deepEqual(checkContext('receipt', { ...sampleContext('receipt'), applicant: '  ' }), {
    ok: false,
    message: '{申请人}不能为空',
  });
  const bidi = checkContext('receipt', { ...sampleContext('receipt'), applicant: '张\u202e三' });
  assert.equal(bidi.ok, false);
});

test('each outcome of table 三 has its reply letter', () => {
  assert.equal(replyKindOf('disclosed'), 'reply_disclosed');
  assert.equal(replyKindOf('partially_disclosed'), 'reply_partially_disclosed');
  assert.equal(replyKindOf('withheld.third_party_rights'), 'reply_withheld');
  assert.equal(replyKindOf('unavailable.not_held'), 'reply_unavailable');
  assert.equal(replyKindOf('not_processed.repeated'), 'reply_not_processed');
  assert.equal(replyKindOf('other.correction_overdue'), 'reply_other');
  assert.equal(replyKindOf('received'), null);
});
