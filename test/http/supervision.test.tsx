// The supervisor's batches over HTTP: a zip uploaded, read by the job off the request (the
// progress page refreshes itself until done), the suggested agency confirmed, the year's
// dashboard, the report's grouped findings and linked cells, the exports and the 整改通知;
// the result survives a restart of the app; only the supervising agency's staff see it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/app.js';
import { ReportReader } from '../../src/reports/read/reader-pool.js';
import { runCheckBatch } from '../../src/supervision/check-job.js';
import { createTestApp, TestClient, type TestApp } from '../support/app.js';

let t: TestApp;
let reader: ReportReader;
const seed = readFileSync(
  new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
);

before(async () => {
  t = await createTestApp({ demo: true, now: '2022-01-20T02:00:00.000Z' });
  reader = new ReportReader({ workers: 1 });
});
after(async () => {
  await reader.close();
  await t.close();
});

function sameBrowser(client: TestClient, app: ReturnType<typeof createApp>): TestClient {
  const moved = new TestClient(app);
  for (const [k, v] of client.cookies) moved.cookies.set(k, v);
  moved.csrfToken = client.csrfToken;
  return moved;
}

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');

let batchUrl = '';
let reportUrl = '';

test('a zip of reports becomes a batch read off the request, with duplicates flagged', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const zip = zipSync({
    '灵山卫街道2021年度报告.txt': new Uint8Array(seed),
    '副本/同一份报告.txt': new Uint8Array(seed),
    '说明.txt': strToU8('这不是年度报告。'),
  });
  const form = new FormData();
  form.append('year', '2021');
  form.append('title', '');
  form.append('addresses', '');
  form.append('files', new File([zip], '2021年报.zip'));
  form.append('_csrf', supervisor.csrfToken);
  const res = await supervisor.fetch('/console/supervision/batches', {
    method: 'POST',
    body: form,
  });
  assert.equal(res.status, 303);
  batchUrl = res.headers.get('location') ?? '';
  assert.match(batchUrl, /^\/console\/supervision\/batches\/[0-9a-f]{32}$/);

  const waiting = await supervisor.get(batchUrl);
  assert.equal(waiting.headers.get('refresh'), '3', 'the page refreshes itself while the job runs');
  assert.match(text(await waiting.text()), /正在检查：已完成 0 \/ 3 个文件/);

  const id = batchUrl.split('/').pop()!;
  assert.equal(await runCheckBatch(t.deps, reader, id), 3);

  const done = await supervisor.get(batchUrl);
  assert.equal(done.headers.get('refresh'), null);
  const page = text(await done.text());
  assert.match(page, /已完成：共 3 个文件，0 份计入 2021 年度/);
  assert.match(page, /与本批次另一文件内容相同/);
  assert.match(page, /灵山卫街道办事处（建议）/);

  const confirmed = await supervisor.post(`${batchUrl}/confirm`, {});
  assert.equal(confirmed.status, 303);
  const after = text(await (await supervisor.get(confirmed.headers.get('location')!)).text());
  assert.match(after, /已确认 2 份报告的所属机关/);
  assert.match(after, /1 份计入 2021 年度/);

  const filtered = parse(await (await supervisor.get(`${batchUrl}?flag=duplicate`)).text());
  const rows = filtered.querySelectorAll('table.data tbody tr');
  assert.equal(rows.length, 1);
  assert.match(rows[0]!.textContent, /同一份报告\.txt/);
  reportUrl =
    parse(await (await supervisor.get(`${batchUrl}?sort=seq&dir=asc`)).text())
      .querySelectorAll('table.data tbody tr a')[0]
      ?.getAttribute('href') ?? '';
  assert.match(reportUrl, /^\/console\/supervision\/reports\/[0-9a-f]{32}$/);
});

test('every bad line of the addresses is named by its number, and what was typed is kept', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const typed =
    'https://a.example/1.pdf\nnot a url\n\nftp://b.example/2.pdf\nhttps://c.example/3.pdf';
  const form = new FormData();
  form.append('year', '2021');
  form.append('title', '');
  form.append('addresses', typed);
  form.append('_csrf', supervisor.csrfToken);
  const res = await supervisor.fetch('/console/supervision/batches', {
    method: 'POST',
    body: form,
  });
  assert.equal(res.status, 400);
  const doc = parse(await res.text());
  assert.match(
    doc.textContent,
    /第2行“not a url”、第4行“ftp:\/\/b\.example\/2\.pdf”不是完整的网址/,
  );
  assert.equal(
    doc.querySelector('textarea[name="addresses"]')?.textContent.replace(/\r\n/g, '\n'),
    typed,
  );
});

test('the batch list counts reading notes in their own column, not as 提示', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const doc = parse(await (await supervisor.get(`${batchUrl}?sort=seq&dir=asc`)).text());
  const head = doc.querySelectorAll('table.data thead th').map((h) => h.textContent.trim());
  const at = (label: string) => head.findIndex((h) => h.startsWith(label));
  const first = doc.querySelectorAll('table.data tbody tr')[0]!.querySelectorAll('td, th');
  const count = (label: string) => Number(first[at(label)]?.textContent.trim());
  assert.ok(at('读取说明') > 0, 'a 读取说明 column');
  assert.ok(count('读取说明') > 0, 'the seed was read with notes');
  const report = text(await (await supervisor.get(reportUrl)).text());
  assert.match(
    report,
    new RegExp(
      `错误 ${count('错误')} 项，提示 ${count('提示')} 项；另有读取说明 ${count('读取说明')} 条`,
    ),
  );
  const notes = parse(await (await supervisor.get(reportUrl)).text()).querySelectorAll(
    '#r-notes-title ~ ol li',
  ).length;
  assert.equal(notes, count('读取说明'), 'as many as the page lists under 读取说明');
});

test('the report page groups findings by cause and links them to their cells', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const html = await (await supervisor.get(reportUrl)).text();
  const doc = parse(html);
  assert.match(text(html), /“总计”列第一项应为9（8\+1，现为0）/);
  // One cause, one correction: no rival reading of the same first item (8 and 1 moved).
  assert.equal(text(html).match(/应为\d/g)?.length, 1);
  assert.match(text(html), /读取说明/);
  const first = doc.querySelector('#r-finding-2');
  assert.ok(first, 'findings are numbered with anchors');
  const toCell = first.querySelectorAll('a').find((a) => /在表中查看/.test(a.textContent));
  const cellId = toCell?.getAttribute('href')?.slice(1) ?? '';
  const cell = doc.getElementById(cellId);
  assert.ok(cell, `the finding links to a marked cell (${cellId})`);
  assert.ok(
    cell.querySelectorAll('a').some((a) => a.getAttribute('href') === '#r-finding-2'),
    'the cell shows the number and links back',
  );
  // The number is on screen, not only in the words for screen readers: the same marked
  // tables as the console's check page (MarkedReport), with their stylesheet linked.
  const shown = parse(cell.querySelector('.mark-numbers')!.outerHTML);
  for (const h of shown.querySelectorAll('.visually-hidden')) h.remove();
  assert.match(shown.textContent.trim(), /^✗(\d+、)*2(、\d+)*$/);
  const href = doc.querySelector('main link[rel="stylesheet"]')?.getAttribute('href') ?? '';
  const css = await supervisor.get(href);
  assert.equal(css.status, 200);
  assert.match(await css.text(), /\.report-table td\.cell-note/);
  // Reading notes shade their cells as notes, citing their own numbers (after the problems).
  const problems = doc.querySelectorAll('#r-findings > li').length;
  const noted = doc.querySelectorAll('td.cell-note');
  assert.ok(noted.length > 0, 'the seed’s reading notes shade their cells');
  for (const td of noted) {
    const cited = td.querySelectorAll('.mark-numbers a').map((a) => Number(a.textContent));
    assert.ok(cited.length > 0 && cited.every((n) => n > problems), `${td.id} cites notes only`);
    for (const n of cited)
      assert.match(doc.getElementById(`r-finding-${n}`)!.textContent, /CELL_AMBIGUOUS/);
  }
});

test('the dashboard, the exports and the 整改通知', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const dash = parse(await (await supervisor.get('/console/supervision?year=2021')).text());
  const row = dash
    .querySelectorAll('table.data tbody tr')
    .find((r) => /灵山卫街道办事处/.test(r.textContent));
  assert.ok(row);
  assert.match(row.textContent, /有错误/);
  assert.ok(
    dash.querySelector('#sum-table-requests'),
    'the roll-up is drawn in the national layout',
  );

  const csv = await supervisor.get('/console/supervision/2021/dashboard.csv');
  const body = new Uint8Array(await csv.arrayBuffer());
  assert.deepEqual([...body.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(new TextDecoder().decode(body), /灵山卫街道办事处,有错误,/);
  const xlsx = await supervisor.get('/console/supervision/2021/dashboard.xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(
    Buffer.from(await xlsx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
    'PK',
  );
  const findings = await (await supervisor.get(`${batchUrl}/findings.csv`)).text();
  assert.match(
    findings,
    /,类别,严重程度,问题代码,表格,行,列,部分,按勾稽关系计算值,报告所列值,问题说明,经核算的更正\r\n/,
  );
  // The 总计 against its parts: the sum computed, then the cell as the report lists it.
  assert.match(findings, /,报告问题,错误,T3_TOTAL_COLUMN,表三,[^,]*,总计,,9,0,/);
  // A balance compares two sums, neither a cell's value: no figures to rival the correction.
  assert.match(findings, /,报告问题,错误,T3_BALANCE,表三,,总计,,,,[^,]+,“总计”列第一项应为9/);
  // A reading note is listed as one, its cells' figures not put forward as the report's.
  assert.match(findings, /,读取说明,提示,CELL_AMBIGUOUS,[^,]*,[^,]*,[^,]*,[^,]*,,,/);
  assert.doesNotMatch(findings, /,读取说明,提示,CELL_AMBIGUOUS,[^,]*,[^,]*,[^,]*,[^,]*,\d/);
  const findingsCsv = findings;
  assert.match(findingsCsv, /T3_TOTAL_COLUMN/);
  // The same one correction as the page and the notice, on the two findings it mends.
  const corrected = findingsCsv.split('\r\n').filter((l) => /,T3_/.test(l) && !l.endsWith(','));
  assert.deepEqual(
    [...new Set(corrected.map((l) => `${l.match(/,(T3_[A-Z_]+),/)?.[1]} ${l.split(',').at(-1)}`))],
    [
      'T3_BALANCE “总计”列第一项应为9（8+1，现为0）',
      'T3_TOTAL_COLUMN “总计”列第一项应为9（8+1，现为0）',
    ],
  );

  const notice = await supervisor.get(`${reportUrl}/notice.docx`);
  assert.equal(notice.status, 200);
  assert.match(notice.headers.get('content-disposition') ?? '', /docx/);
  const { unzipSync } = await import('fflate');
  const xml = new TextDecoder().decode(
    unzipSync(new Uint8Array(await notice.arrayBuffer()))['word/document.xml'],
  );
  assert.match(xml, /灵山卫街道办事处2021年政府信息公开工作年度报告存在问题的整改通知/);
  assert.match(xml, /经核算，“总计”列第一项应为9/);
  assert.doesNotMatch(xml, /“自然人”列第一项应为/);
});

test('the batch survives a restart; other agencies and roles see none of it', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const restarted = createApp(t.deps);
  const again = await sameBrowser(supervisor, restarted).get(batchUrl);
  assert.equal(again.status, 200);
  assert.match(text(await again.text()), /已完成：共 3 个文件/);

  const below = sameBrowser(await t.signIn('lsw-supervisor'), restarted);
  for (const url of [batchUrl, reportUrl, `${batchUrl}/findings.csv`, `${reportUrl}/notice.docx`]) {
    const res = await below.get(url);
    assert.equal(res.status, 403, url);
    assert.doesNotMatch(await res.text(), /同一份报告/);
  }
  const dash = parse(await (await below.get('/console/supervision?year=2021')).text());
  const rows = dash.querySelectorAll('table.data').at(0)?.querySelectorAll('tbody tr') ?? [];
  assert.deepEqual(
    rows.map((r) => r.textContent.trim()),
    ['本机关没有下级机关。'],
    'a supervisor below sees only their own subordinates',
  );

  const handler = sameBrowser(await t.signIn('lsw-handler'), restarted);
  assert.equal((await handler.get('/console/supervision')).status, 403);
});
