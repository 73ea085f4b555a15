// Hostile and damaged uploads to the console report check: each file gets its message, the
// good files beside it their findings, and the server goes on answering everyone — also
// while a file that would take a minute is being read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { PARSE_ERRORS } from '../../src/reports/parse/index.js';
import { READ_LIMITS } from '../../src/reports/parse/limits.js';
import { READER_ERRORS, ReportReader } from '../../src/reports/read/reader-pool.js';
import {
  damagedPdf,
  paragraphBomb,
  seedText,
  spanBombPage,
  unclosedDivs,
} from '../../src/reports/read/test-support.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const PATH = '/console/reports/check';

function upload(client: TestClient, files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new File([f.bytes], f.name));
  form.append('_csrf', client.csrfToken);
  return client.fetch(PATH, { method: 'POST', body: form });
}

const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The overview table's rows as [file, agency, year, verdict, …]. */
const overview = (root: HTMLElement): string[][] =>
  root
    .querySelectorAll('table.data tbody tr')
    .map((tr) => tr.querySelectorAll('th, td').slice(1).map(text));

/** A demo app whose uploads are read by `reader`, and the supervisor signed in to it. */
function withReader(reader: ReportReader): { t: TestApp; supervisor: TestClient } {
  const ctx = {} as { t: TestApp; supervisor: TestClient };
  before(async () => {
    ctx.t = await createTestApp({ demo: true, reportReader: reader });
    ctx.supervisor = await ctx.t.signIn('hd-supervisor');
  });
  after(async () => {
    await reader.close();
    await ctx.t.close();
  });
  return ctx;
}

describe('console report check with hostile files', () => {
  const ctx = withReader(new ReportReader({ workers: 1 }));

  test('a damaged PDF and two bombs are unreadable; the seed beside them is checked', async () => {
    const res = await upload(ctx.supervisor, [
      { name: 'damaged.pdf', bytes: damagedPdf() },
      { name: 'seed.txt', bytes: seedText() },
      { name: 'bomb.docx', bytes: paragraphBomb() },
      { name: 'spans.html', bytes: spanBombPage(150, 1000) },
    ]);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    const rows = overview(root);
    assert.deepEqual(
      rows.map((r) => [r[0], r[3]]),
      [
        ['damaged.pdf', '无法读取'],
        ['seed.txt', '有错误'],
        ['bomb.docx', '无法读取'],
        ['spans.html', '无法读取'],
      ],
    );
    const page = text(root);
    assert.ok(page.includes(PARSE_ERRORS.badPdf));
    assert.match(page, /这个Word文档的正文部分解压后有 201 MB/u);
    assert.match(page, /合并单元格后超过 100 万个单元格/u);
    // The server is still there for the next request.
    assert.equal((await ctx.t.client().get('/healthz')).status, 200);
  });
});

describe('console report check while a slow file is read', () => {
  // The depth limit lifted, so 40,000 unclosed <div> keep the worker busy far past its
  // 4 seconds; the reader stops it then.
  const ctx = withReader(
    new ReportReader({ workers: 1, timeoutMs: 4_000, limits: { ...READ_LIMITS, htmlDepth: 1e9 } }),
  );

  test('/healthz answers within a second throughout; the file is then reported as too slow', async () => {
    let done = false;
    const checking = upload(ctx.supervisor, [
      { name: 'slow.html', bytes: unclosedDivs(40_000) },
    ]).then((res) => {
      done = true;
      return res;
    });
    let probes = 0;
    while (!done) {
      const started = performance.now();
      const res = await ctx.t.client().get('/healthz');
      const took = performance.now() - started;
      assert.equal(res.status, 200);
      assert.ok(took < 1_000, `/healthz took ${Math.round(took)} ms while the file was read`);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(probes >= 5, `only ${probes} probes: the read did not last`);
    const res = await checking;
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    assert.deepEqual(
      overview(root).map((r) => [r[0], r[3]]),
      [['slow.html', '无法读取']],
    );
    assert.ok(text(root).includes(READER_ERRORS.timeout(4)));
  });
});
