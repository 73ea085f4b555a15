// Robustness: random bytes, random text, truncations and shuffled lines of every fixture
// never make the parser throw or reject; it answers with a report or a Chinese error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseReport, PARSE_ERRORS } from './index.js';
import type { ParseResult } from './index.js';
import { fixture } from './test-support.js';

const TEXT_FIXTURES = [
  'seed-2021-lingshanwei.txt',
  'html-2022-merged-cells.html',
  'html-2023-gbk.html',
  'markdown-2023-converted.md',
  'word-text-2020-trial-format.txt',
];
const HAN = /[\u4e00-\u9fff]/u;

function assertAnswer(result: ParseResult): void {
  if (result.ok) {
    assert.equal(result.report.sections.length, 6);
    for (const f of result.findings) assert.ok(HAN.test(f.message));
  } else {
    assert.ok(HAN.test(result.error), result.error);
    assert.ok(!/\bat\s+\S+\s+\(|Error:/u.test(result.error), 'no stack trace or exception text');
  }
}

async function settles(bytes: Uint8Array, filename?: string): Promise<void> {
  let result: ParseResult;
  try {
    result = await parseReport({ bytes, ...(filename ? { filename } : {}) });
  } catch (error) {
    assert.fail(`parseReport threw: ${String(error)}`);
  }
  assertAnswer(result);
}

test('random bytes, with and without file names, never throw', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 2000 }),
      fc.constantFrom(undefined, 'a.txt', 'a.html', 'a.md', 'a.pdf', 'a.docx', 'a.json'),
      async (bytes, name) => {
        await settles(bytes, name);
      },
    ),
    { numRuns: 300 },
  );
});

test('random bytes behind a PDF or zip signature never throw', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('%PDF-1.4\n', 'PK\x03\x04'),
      fc.uint8Array({ maxLength: 1500 }),
      async (magic, rest) => {
        await settles(new Uint8Array([...new TextEncoder().encode(magic), ...rest]));
      },
    ),
    { numRuns: 150 },
  );
});

test('random strings built from report vocabulary never throw', async () => {
  const words = fc.constantFrom(
    '一、总体情况',
    '二、主动公开政府信息情况',
    '3、 收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '第二十条第（一）项',
    '规章',
    '行政许可',
    '（三）不予公开',
    '1.属于国家秘密',
    '（六）其他处理',
    '3.其他',
    '（七）总计',
    '行政复议',
    '总计',
    '0',
    '8',
    '12.5',
    '/',
    '',
    '\t',
    '|',
    '| 1 | 2 |',
    '<table><tr><td rowspan="99999">x</td></tr></table>',
    '<td colspan=0>',
    '一、本年新收政府信息公开申请数量',
    '2022年1月18日',
    '[bookmark: x]',
    '{',
    '%PDF',
    '\u0000',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(words, { maxLength: 120 }),
      fc.constantFrom('\n', ' ', '\t', ''),
      async (parts, sep) => {
        await settles(new TextEncoder().encode(parts.join(sep)));
      },
    ),
    { numRuns: 300 },
  );
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 500 }), async (s) =>
      settles(new TextEncoder().encode(s)),
    ),
    { numRuns: 200 },
  );
});

test('truncations and shuffled lines of every fixture never throw', async () => {
  for (const name of TEXT_FIXTURES) {
    const bytes = fixture(name);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length }), async (end) =>
        settles(bytes.slice(0, end), name),
      ),
      { numRuns: 40 },
    );
    const lines = new TextDecoder().decode(bytes).split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(lines, { minLength: 0, maxLength: lines.length }),
        async (picked) => {
          await settles(new TextEncoder().encode(picked.join('\n')), name);
        },
      ),
      { numRuns: 40 },
    );
  }
});

test('truncated PDFs never throw', async () => {
  const bytes = fixture('2024-hongze-district-government.pdf');
  for (const end of [0, 5, 100, 1000, 20000, 120000, bytes.length - 100])
    await settles(bytes.slice(0, end), 'r.pdf');
});

test('unreadable input gets a clear Chinese error saying what to do', async () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const cases: [Uint8Array, string][] = [
    [new Uint8Array(), PARSE_ERRORS.empty],
    [enc('  \n\n\t '), PARSE_ERRORS.empty],
    [enc('会议纪要\n今天讨论了食堂的菜单。'), PARSE_ERRORS.notReport],
    [enc('{"not":"a report"'), PARSE_ERRORS.badJson],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), PARSE_ERRORS.oldWord],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), PARSE_ERRORS.image],
    [new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 7) % 32)), PARSE_ERRORS.binary],
  ];
  for (const [bytes, error] of cases)
    assert.deepEqual(await parseReport({ bytes }), { ok: false, error });
  const json = await parseReport({ bytes: enc('{"format":"2021"}'), filename: 'r.json' });
  assert.equal(json.ok, false);
  if (!json.ok) assert.ok(HAN.test(json.error));
});

test('a zip that is not a Word document is named as such', async () => {
  const { zipSync } = await import('fflate');
  const zip = zipSync({ 'report.txt': new TextEncoder().encode('一、总体情况') });
  const result = await parseReport({ bytes: zip, filename: 'reports.zip' });
  assert.deepEqual(result, {
    ok: false,
    error:
      '这是一个ZIP压缩文件，但不是Word（.docx）文档，无法作为年度报告读取；请上传.docx、PDF、网页或文本文件',
  });
});

test('the readers and the recogniser themselves do not throw (not only the outer guard)', async () => {
  const { linesFromText } = await import('./from-text.js');
  const { linesFromHtml } = await import('./from-html.js');
  const { linesFromMarkdown } = await import('./from-markdown.js');
  const { recognise } = await import('./recognise.js');
  const seed = new TextDecoder().decode(fixture('seed-2021-lingshanwei.txt')).split('\n');
  const html = new TextDecoder().decode(fixture('html-2022-merged-cells.html'));
  await fc.assert(
    fc.property(
      fc.shuffledSubarray(seed),
      fc.integer({ min: 0, max: html.length }),
      fc.string({ maxLength: 300 }),
      (lines, cut, noise) => {
        recognise(linesFromText(lines.join('\n') + noise));
        recognise(linesFromHtml(html.slice(0, cut) + noise));
        recognise(linesFromMarkdown(`| ${noise} |\n|---|\n${html.slice(cut)}`));
      },
    ),
    { numRuns: 150 },
  );
});
