// Reading in worker threads: a file that crashes, exhausts or outruns its worker is
// answered as unreadable in Chinese, every other file is still read, and the pool goes on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import { after, test } from 'node:test';
import { PARSE_ERRORS } from '../parse/index.js';
import { LIMIT_ERRORS, READ_LIMITS } from '../parse/limits.js';
import { largestFirst, READER_ERRORS, ReportReader } from './reader-pool.js';
import {
  damagedPdf,
  goodPdf,
  numberFlood,
  paragraphBomb,
  seedText,
  spanBombPage,
  unclosedDivs,
} from './test-support.js';

const readers: ReportReader[] = [];
const reader = (options: ConstructorParameters<typeof ReportReader>[0] = {}): ReportReader => {
  const r = new ReportReader({ workers: 2, ...options });
  readers.push(r);
  return r;
};
after(() => Promise.all(readers.map((r) => r.close())));

const errorOf = (result: Awaited<ReturnType<ReportReader['read']>>): string | null =>
  result.ok ? null : result.error;

test('a damaged PDF is unreadable; the good files beside it are read, in order', async () => {
  const r = reader();
  const results = await r.readAll([
    { bytes: seedText(), filename: 'seed.txt' },
    { bytes: damagedPdf(), filename: 'damaged.pdf' },
    { bytes: goodPdf(), filename: 'hongze.pdf' },
  ]);
  assert.equal(results[0]!.ok && results[0]!.report.year, 2021);
  assert.equal(errorOf(results[1]!), PARSE_ERRORS.badPdf);
  assert.equal(results[2]!.ok && results[2]!.report.year, 2024);
});

test('every hostile file of the hardening issue gets its own Chinese reason', async () => {
  const results = await reader().readAll([
    { bytes: paragraphBomb(), filename: 'bomb.docx' },
    { bytes: spanBombPage(150, 1000), filename: 'spans.html' },
    { bytes: unclosedDivs(100_000), filename: 'divs.html' },
    { bytes: numberFlood(29 * 1024 * 1024), filename: 'flood.txt' },
    { bytes: seedText(), filename: 'seed.txt' },
  ]);
  assert.match(errorOf(results[0]!) ?? '', /Word文档的正文部分解压后有 201 MB/u);
  assert.equal(errorOf(results[1]!), LIMIT_ERRORS.htmlGrid(READ_LIMITS.htmlGridCells));
  assert.equal(errorOf(results[2]!), LIMIT_ERRORS.htmlDepth(READ_LIMITS.htmlDepth));
  assert.equal(errorOf(results[3]!), LIMIT_ERRORS.text(READ_LIMITS.textChars));
  assert.ok(results[4]!.ok);
});

test('a file that exhausts the worker heap ends that worker only; the next file is read', async () => {
  // Limits raised past the flood, so only the worker's 64 MB heap stands in its way.
  const r = reader({ workers: 1, maxHeapMb: 64, limits: { ...READ_LIMITS, textChars: 1e9 } });
  const flood = await r.read(numberFlood(29 * 1024 * 1024), 'flood.txt');
  assert.equal(errorOf(flood), READER_ERRORS.memory);
  const seed = await r.read(seedText(), 'seed.txt');
  assert.ok(seed.ok);
});

test('a file that outruns its time is stopped; the next file is read', async () => {
  // The depth limit raised: 30,000 unclosed <div> would keep node-html-parser busy ~20 s.
  const r = reader({
    workers: 1,
    timeoutMs: 1_500,
    limits: { ...READ_LIMITS, htmlDepth: 1e9 },
  });
  const slow = r.read(unclosedDivs(30_000), 'slow.html');
  const queued = r.read(seedText(), 'seed.txt');
  assert.equal(errorOf(await slow), READER_ERRORS.timeout(2));
  assert.ok((await queued).ok, 'the file queued behind it gets a fresh worker');
});

test('a heavy file is never held behind another: the free worker reads the PDFs while one is stuck', async () => {
  // A file of more than 1 MB is heavy (as a PDF is): this one is stuck until its time is up.
  const stuck = strToU8(
    `<html><body><!--${' '.repeat(1024 * 1024)}-->${'<div>'.repeat(30_000)}一</body></html>`,
  );
  const r = reader({ workers: 2, timeoutMs: 6_000, limits: { ...READ_LIMITS, htmlDepth: 1e9 } });
  const done: string[] = [];
  const track = <T>(name: string, p: Promise<T>) => p.finally(() => done.push(name));
  await Promise.all([
    track('stuck', r.read(stuck, 'stuck.html')),
    track('pdf1', r.read(goodPdf(), 'a.pdf')),
    track('pdf2', r.read(goodPdf(), 'b.pdf')),
  ]);
  // Held behind the stuck file, a PDF would have waited for its time limit.
  assert.deepEqual(done, ['pdf1', 'pdf2', 'stuck']);
});

test('a batch starts with its heavy files, the largest first, then the rest by size; equal ones keep their order', () => {
  const fixture = (name: string) =>
    fileURLToPath(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url));
  const order = largestFirst([
    { bytes: seedText(), filename: 'a.txt' }, // 0: light
    { path: fixture('2023-hongze-district-government.pdf') }, // 1: heavy (a PDF)
    { bytes: new Uint8Array(2 * 1024 * 1024), filename: 'big.html' }, // 2: heavy (≥ 1 MB)
    { path: fixture('does-not-exist.txt') }, // 3: size unknown, counted 0
    { bytes: seedText(), filename: 'b.txt' }, // 4: as large as 0
    { path: fixture('seed-2021-lingshanwei.txt') }, // 5: light, by its file's size
    { bytes: strToU8('二〇二一年'), filename: 'c.txt' }, // 6: light and small
  ]);
  assert.deepEqual(order, [2, 1, 0, 4, 5, 6, 3]);
});

test('closing answers the files still waiting; a closed reader reads nothing', async () => {
  const r = reader({ workers: 1 });
  const first = r.read(goodPdf(), 'a.pdf');
  const waiting = r.read(seedText(), 'seed.txt');
  await r.close();
  assert.equal(errorOf(await waiting), READER_ERRORS.closed);
  assert.equal(errorOf(await first), READER_ERRORS.closed);
  assert.equal(errorOf(await r.read(seedText())), READER_ERRORS.closed);
});

test('idle workers do not keep a process alive: a server or test that never closes its reader exits', () => {
  const pool = fileURLToPath(new URL('./reader-pool.ts', import.meta.url));
  const support = fileURLToPath(new URL('./test-support.ts', import.meta.url));
  const script = `
    const { sharedReportReader } = await import(${JSON.stringify(pool)});
    const { seedText } = await import(${JSON.stringify(support)});
    const result = await sharedReportReader().read(seedText(), 'seed.txt');
    console.log(result.ok ? 'read' : result.error);
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.signal, null, 'the process had to be killed: something kept it alive');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'read');
});
