// A batch checked in the workers (what `gongkai check` and the console's check page do):
// each worker opens, reads and checks its files, several per message. The findings are
// those of the same work done in one thread; a bad file costs only itself, even when it
// ends the worker in the middle of a message; results come back in the order given.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { correctionsByFinding } from '../checks/grouping.js';
import { PARSE_ERRORS } from '../parse/index.js';
import { READ_LIMITS } from '../parse/limits.js';
import type { ReadSource } from './protocol.js';
import { readError } from './read-file.js';
import { JSON_INVALID, runReadTask } from './read-task.js';
import { READER_ERRORS, ReportReader } from './reader-pool.js';
import { damagedPdf, seedText, unclosedDivs } from './test-support.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/reports/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-workers-'));
const readers: ReportReader[] = [];
after(async () => {
  await Promise.all(readers.map((r) => r.close()));
  rmSync(dir, { recursive: true, force: true });
});
const reader = (options: ConstructorParameters<typeof ReportReader>[0] = {}): ReportReader => {
  const r = new ReportReader({ workers: 2, ...options });
  readers.push(r);
  return r;
};

const damaged = join(dir, 'damaged.pdf');
writeFileSync(damaged, damagedPdf());
const badJson = join(dir, 'bad.json');
writeFileSync(badJson, '{"year": 2022,');

test('a batch: each damaged or missing file has its Chinese reason, the others are checked, in the order given', async () => {
  const good = [
    'seed-2021-lingshanwei.txt',
    'word-text-2020-trial-format.txt',
    'markdown-2023-converted.md',
    'html-2023-gbk.html',
    '2024-hongze-district-government.pdf',
  ].map((f) => join(fixtures, f));
  // Enough files that the pool sends several per message, the bad ones among them.
  const paths = [
    ...good,
    damaged,
    ...good,
    join(dir, 'missing.txt'),
    ...good,
    badJson,
    dir,
    ...good,
  ];
  const results = await reader().checkAll(paths.map((path) => ({ path })));
  assert.equal(results.length, paths.length);
  // The same work in this thread gives the same results (but for the damaged PDF: pdf.js
  // leaves rejections unhandled after reading it, which only a worker may shrug off).
  for (const [i, path] of paths.entries())
    if (path !== damaged)
      assert.deepEqual(results[i], await runReadTask({ source: { path }, check: {} }), path);
  const errors = results.map((r) => (r.ok ? null : r.error));
  assert.equal(errors[good.length], PARSE_ERRORS.badPdf);
  assert.equal(errors[2 * good.length + 1], readError({ code: 'ENOENT' }));
  assert.equal(errors[3 * good.length + 2], JSON_INVALID);
  assert.equal(errors[3 * good.length + 3], readError({ code: 'EISDIR' }));
  assert.equal(errors.filter((e) => e !== null).length, 4);
  // The checks ran: the seed as published has its known errors (src/cli/check.test.ts).
  const seed = results[0]!;
  assert.ok(seed.ok && seed.report.year === 2021);
  assert.ok(seed.ok && seed.findings.some((f) => f.severity === 'error'));
});

test('a file that ends its worker mid-message costs only itself: the files sent with it are read by a fresh worker', async () => {
  // One worker and a short time limit, the depth limit raised: 30,000 unclosed <div> (150 KB,
  // a light file, so it shares its message) would keep the parser busy ~20 s.
  const r = reader({
    workers: 1,
    timeoutMs: 1_500,
    limits: { ...READ_LIMITS, htmlDepth: 1e9 },
  });
  const seed: ReadSource = { bytes: seedText(), filename: 'seed.txt' };
  const stuck: ReadSource = { bytes: unclosedDivs(30_000), filename: 'stuck.html' };
  // Eight files for one worker: sent two to a message, the stuck one (the largest, so first)
  // with a seed beside it and another message held behind them.
  const sources = [seed, stuck, seed, seed, seed, seed, seed, seed];
  const results = await r.checkAll(sources);
  assert.equal(results[1]!.ok ? null : results[1]!.error, READER_ERRORS.timeout(2));
  for (const [i, result] of results.entries())
    if (i !== 1) assert.ok(result.ok && result.report.year === 2021, `file ${i} read and checked`);
});

test('checking with last year: the comparison runs in the worker', async () => {
  const r = reader({ workers: 1 });
  const path = join(fixtures, '2024-hongze-district-government.pdf');
  const last = await r.readFile(join(fixtures, '2023-hongze-district-government.pdf'));
  assert.ok(last.ok);
  // Last year's carried-out figure changed, so that this year's carried-in differs from it.
  const previous = structuredClone(last.report);
  const carriedOut = previous.tables.requests.carried_out!;
  carriedOut.total = Number(carriedOut.total ?? 0) + 7;
  const [checked] = await r.checkAll([{ path }], { previous });
  assert.deepEqual(checked, await runReadTask({ source: { path }, check: { previous } }));
  assert.ok(
    checked!.ok && checked.findings.some((f) => f.code === 'CARRY_OVER' && f.column === 'total'),
  );
  const alone = await r.check({ path });
  assert.ok(alone.ok && !alone.findings.some((f) => f.code === 'CARRY_OVER'));
});

test('a summary check gives the same findings, only the facts of the report and its corrections', async () => {
  const r = reader();
  const paths = ['seed-2021-lingshanwei.txt', 'html-2023-gbk.html', 'missing.txt'].map((f) =>
    join(fixtures, f),
  );
  const sources = paths.map((path) => ({ path }));
  const [full, summaries] = await Promise.all([
    r.checkAll(sources),
    r.checkAll(sources, { summary: true }),
  ]);
  for (const [i, summary] of summaries.entries()) {
    const whole = full[i]!;
    if (!whole.ok) {
      assert.deepEqual(summary, whole, paths[i]);
      continue;
    }
    const { agency, year, format } = whole.report;
    const grouped = correctionsByFinding(whole.report, whole.findings);
    assert.deepEqual(summary, {
      ok: true,
      report: {
        agency,
        year,
        format,
        corrections: whole.findings.map((_, k) => grouped.get(k) ?? null),
      },
      findings: whole.findings,
    });
  }
  assert.equal(summaries.filter((s) => s.ok).length, 2);
  // The seed's corrections come back with its facts: the 总计 one, for the two findings it mends.
  const seed = summaries[0]!;
  assert.ok(seed.ok);
  assert.equal(
    seed.report.corrections.filter((c) => c === '“总计”列第一项应为9（8+1，现为0）').length,
    2,
  );
});
