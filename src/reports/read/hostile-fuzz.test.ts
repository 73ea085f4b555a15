// Property-based fuzzing of the report reader with hostile shapes: pages of random open,
// close and merged cells, .docx archives whose declared sizes lie in either direction, and
// mixes of both sent through the worker pool. Every input ends in a report or a Chinese
// reason, within the limits given; none throws, none takes the pool down.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { maxOpenDepth } from '../parse/html-depth.js';
import { parseReport, type ParseResult } from '../parse/index.js';
import { LIMIT_ERRORS, READ_LIMITS, type ReadLimits } from '../parse/limits.js';
import { ReportReader } from './reader-pool.js';
import { seedText } from './test-support.js';

const HAN = /[\u4e00-\u9fff]/u;
const SMALL: ReadLimits = {
  ...READ_LIMITS,
  textChars: 400_000,
  htmlDepth: 200,
  htmlGridCells: 20_000,
  docxPartBytes: 64 * 1024,
  docxTotalBytes: 256 * 1024,
};

function assertAnswer(result: ParseResult): void {
  if (result.ok) return;
  assert.ok(HAN.test(result.error), result.error);
  assert.ok(!/\bat\s+\S+\s+\(|Error:/u.test(result.error), 'no stack trace or exception text');
}

const span = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.constantFrom(999_999, -1, 1e12));
const token = fc.oneof(
  fc.constantFrom('div', 'span', 'p', 'li', 'font', 'table', 'tr', 'td', 'th').map((t) => `<${t}>`),
  fc.constantFrom('div', 'span', 'p', 'table', 'tr', 'td', 'body').map((t) => `</${t}>`),
  fc.tuple(span, span).map(([r, c]) => `<td rowspan="${r}" colspan="${c}">1</td>`),
  fc.constantFrom('一、总体情况', '（七）总计', '0', '8', '<br>', '<script>', '<!--', '-->'),
);
/** A page: a run of tokens, some of them repeated hundreds of times. */
const page = fc
  .array(fc.tuple(token, fc.integer({ min: 1, max: 400 })), { maxLength: 40 })
  .map((runs) => runs.map(([t, n]) => t.repeat(n)).join(''));

test('random pages of unclosed tags and huge spans end in a report or a limit', async () => {
  await fc.assert(
    fc.asyncProperty(page, async (html) => {
      const result = await parseReport({ bytes: strToU8(html), filename: 'p.html', limits: SMALL });
      assertAnswer(result);
      if (maxOpenDepth(html, SMALL.htmlDepth) > SMALL.htmlDepth)
        assert.deepEqual(result, { ok: false, error: LIMIT_ERRORS.htmlDepth(SMALL.htmlDepth) });
    }),
    { numRuns: 200 },
  );
});

/** Writes `size` as the declared uncompressed size of every entry (local and central). */
function declare(zip: Uint8Array, size: (actual: number) => number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 30 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size(view.getUint32(i + 22, true)), true);
    else if (sig === 0x02014b50 && i + 46 <= out.length)
      view.setUint32(i + 24, size(view.getUint32(i + 24, true)), true);
  }
  return out;
}

test('.docx archives whose declared sizes lie end in a report or a clear refusal', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 200_000 }),
      fc.constantFrom('<w:p><w:r><w:t>一</w:t></w:r></w:p>', ' ', '<w:p>'),
      fc.oneof(
        fc.constant((n: number) => n),
        fc.constant(() => 0),
        fc.constant(() => 0xffffffff),
        fc.integer({ min: 1, max: 4096 }).map((k) => (n: number) => Math.floor(n / k)),
        fc.integer({ min: 2, max: 4096 }).map((k) => (n: number) => Math.min(0xffffffff, n * k)),
      ),
      async (length, unit, lie) => {
        const body = unit.repeat(Math.ceil(length / unit.length));
        const zip = zipSync({
          '[Content_Types].xml': strToU8('<Types/>'),
          'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`),
        });
        const result = await parseReport({
          bytes: declare(zip, lie),
          filename: 'r.docx',
          limits: SMALL,
        });
        assertAnswer(result);
      },
    ),
    { numRuns: 120 },
  );
});

const reader = new ReportReader({ workers: 2, maxHeapMb: 96, timeoutMs: 10_000, limits: SMALL });
after(() => reader.close());

test('mixes of hostile pages and a good report through the worker pool: all answered', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 4 }), async (pages) => {
      const results = await reader.readAll([
        ...pages.map((html) => ({ bytes: strToU8(html), filename: 'p.html' })),
        { bytes: seedText(), filename: 'seed.txt' },
      ]);
      for (const r of results) assertAnswer(r);
      assert.ok(results.at(-1)!.ok, 'the good report is still read');
    }),
    { numRuns: 15 },
  );
});
