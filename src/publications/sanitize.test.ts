// The body allowlist: what a 公文 needs stays, anything that could run or restyle the page goes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainTextToHtml, sanitizeBody } from './sanitize.js';

test('scripts, event handlers and javascript: links never survive', () => {
  const out = sanitizeBody(
    '<p onclick="x()">正文</p><script>alert(1)</script><img src=x onerror="alert(2)">' +
      '<a href="javascript:alert(3)">链接</a><svg onload="alert(4)"></svg>' +
      '<iframe src="https://evil.example"></iframe><a href="//evil.example">协议相对</a>',
  );
  assert.doesNotMatch(out, /script|onerror|onclick|onload|javascript:|<img|<svg|<iframe|alert/i);
  assert.match(out, /<p>正文<\/p>/);
  assert.match(out, /<a>链接<\/a>/);
  assert.doesNotMatch(out, /evil\.example/);
});

test('styles and classes are removed; structure of a 公文 body is kept', () => {
  const out = sanitizeBody(
    '<h1 style="color:red">一、总体情况</h1><p class="x" style="font-size:40px">内容</p>' +
      '<table><caption>表一</caption><thead><tr><th scope="col" colspan="2">项目</th></tr></thead>' +
      '<tbody><tr><td rowspan="2">1</td></tr></tbody></table><ol start="3"><li>第三项</li></ol>' +
      '<a href="https://www.gov.cn/zhengce/" title="政策">中国政府网</a><a href="mailto:xxgk@example.gov.cn">邮箱</a>',
  );
  assert.doesNotMatch(out, /style|class=/);
  assert.match(out, /<h2>一、总体情况<\/h2>/);
  assert.match(out, /<th scope="col" colspan="2">项目<\/th>/);
  assert.match(out, /<td rowspan="2">1<\/td>/);
  assert.match(out, /<ol start="3">/);
  assert.match(out, /<a href="https:\/\/www\.gov\.cn\/zhengce\/" title="政策">/);
  assert.match(out, /href="mailto:xxgk@example\.gov\.cn"/);
});

test('plain text becomes paragraphs with its line breaks, and its angle brackets stay text', () => {
  assert.equal(
    plainTextToHtml('第一段\n第二行\n\n第二段 a < b'),
    '<p>第一段<br />第二行</p>\n<p>第二段 a &lt; b</p>',
  );
  assert.equal(sanitizeBody('  '), '');
  // Text with a tag-like fragment is treated as markup and cleaned.
  assert.doesNotMatch(sanitizeBody('说明<script>alert(1)</script>'), /script|alert/);
});

test('sanitising what is already clean changes nothing', () => {
  const once = sanitizeBody('<p>一、<strong>征地</strong>补偿标准</p><ul><li>甲</li></ul>');
  assert.equal(sanitizeBody(once), once);
});
