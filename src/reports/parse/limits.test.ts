// The parser's limits refuse each hostile file that used to exhaust memory or freeze the
// server, before doing the work it asks for, while real reports at many times their usual
// size are still read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReport } from '../render/index.js';
import { sampleReport } from '../render/test-support.js';
import {
  numberFlood,
  paragraphBomb,
  spaceBomb,
  spanBombPage,
  unclosedDivs,
} from '../read/test-support.js';
import { maxOpenDepth } from './html-depth.js';
import { parseReport } from './index.js';
import { LIMIT_ERRORS, READ_LIMITS } from './limits.js';

const refusal = async (bytes: Uint8Array, filename?: string): Promise<string> => {
  const result = await parseReport({ bytes, ...(filename ? { filename } : {}) });
  assert.equal(result.ok, false, 'the file should have been refused');
  return result.ok ? '' : result.error;
};

test('a .docx inflating to 200 MiB of paragraphs is refused from its zip directory', async () => {
  const bomb = paragraphBomb();
  assert.ok(bomb.length < 1.5 * 1024 * 1024, 'the bomb itself is small');
  const error = await refusal(bomb, '报告.docx');
  assert.equal(error, LIMIT_ERRORS.docxPart(200 * 1024 * 1024 + 256, READ_LIMITS.docxPartBytes));
});

test('a .docx of 1 GiB of spaces is refused the same way', async () => {
  const before = process.memoryUsage().arrayBuffers;
  const error = await refusal(spaceBomb(), '报告.docx');
  assert.match(error, /正文部分解压后有 1025 MB，超过 32 MB 的上限/u);
  // Nothing near the inflated size was ever allocated (the bomb itself is about 1 MB).
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024);
});

test('a page of 150 rows × 1,000 cells merged 64 × 64 is refused before its grid is laid out', async () => {
  const error = await refusal(spanBombPage(150, 1000), 'page.html');
  assert.equal(error, LIMIT_ERRORS.htmlGrid(READ_LIMITS.htmlGridCells));
});

test('100,000 unclosed <div> are refused by the depth scan, not parsed', async () => {
  const error = await refusal(unclosedDivs(100_000), 'page.html');
  assert.equal(error, LIMIT_ERRORS.htmlDepth(READ_LIMITS.htmlDepth));
});

test('29 MB of 「1 1 1 …」 is refused by its length', async () => {
  const error = await refusal(numberFlood(29 * 1024 * 1024), 'report.txt');
  assert.equal(error, LIMIT_ERRORS.text(READ_LIMITS.textChars));
});

test('a real report stays readable nested 500 deep in closed elements and beside 900 unclosed <p>', async () => {
  const html = await renderReport(sampleReport(), 'html');
  const body = html.indexOf('<body>') + '<body>'.length;
  const wrapped =
    html.slice(0, body) +
    '<div>'.repeat(500) +
    '<p>说明'.repeat(900) +
    html.slice(body).replace('</body>', `${'</div>'.repeat(500)}</body>`);
  const result = await parseReport({ bytes: new TextEncoder().encode(wrapped) });
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.deepEqual(result.report.tables, sampleReport().tables);
});

test('the depth scan follows void, raw-text, implied and stray tags', () => {
  const cases: [string, number][] = [
    ['<div><div><span>x</span></div></div>', 3],
    ['<div><br><img src=x><hr/><input></div>', 1],
    ['<p>a<p>b<p>c', 1],
    ['<ul><li>a<li>b<li>c</ul><ul><li>d</ul>', 2],
    ['<table><tr><td>1<td>2<tr><td>3</table>', 3],
    ['<script>"<div><div><div>"</script><div></div>', 1],
    ['<!-- <div><div><div> --><div></div>', 1],
    ['</div></div><div></span></div>', 1],
    ['<DIV><Div><div>', 3],
    ['<div>'.repeat(10) + '</div>'.repeat(10) + '<div>'.repeat(4), 10],
  ];
  for (const [html, depth] of cases) assert.equal(maxOpenDepth(html, 100), depth, html);
  // It stops counting just past the limit.
  assert.equal(maxOpenDepth('<div>'.repeat(5000), 100), 101);
});
