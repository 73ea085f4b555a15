// The supervisor's dashboard over HTTP with the demo's two years: the trend charts drawn on
// the server as SVG inside the page (no inline style the CSP would refuse), each with its
// figures as a table; each agency's deadline and late report; and a batch's progress as
// JSON for the page's script, the script itself, and neither for anyone else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { ReportReader } from '../../src/reports/read/reader-pool.js';
import { runCheckBatch } from '../../src/supervision/check-job.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let reader: ReportReader;

before(async () => {
  t = await createTestApp({ demo: true, now: '2026-01-20T02:00:00.000Z' });
  await seedDemo({ ...t.deps, supervision: true });
  reader = new ReportReader({ workers: 1 });
});
after(async () => {
  await reader.close();
  await t.close();
});

const text = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A table row's cells' texts, one space between. */
const cells = (row: HTMLElement | undefined) =>
  (row?.childNodes ?? [])
    .filter((n) => n.nodeType === 1)
    .map((c) => text(c.textContent))
    .join(' ');

test('the trend charts are SVG in the page, each with the same figures as a table', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const res = await supervisor.get('/console/supervision?year=2021');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.doesNotMatch(html, /\sstyle=|<style/, 'nothing the CSP (style-src self) would refuse');
  const doc = parse(html);
  const figures = doc.querySelectorAll('figure.chart');
  assert.deepEqual(
    figures.map((f) => f.id),
    ['chart-applications', 'chart-outcomes', 'chart-error-share'],
  );
  for (const f of figures) {
    const svg = f.querySelector('svg');
    assert.equal(svg?.getAttribute('role'), 'img', f.id);
    const label = svg?.getAttribute('aria-label') ?? '';
    const rows = f.querySelectorAll('details table tbody tr');
    assert.deepEqual(
      rows.map((r) => r.querySelector('th')?.textContent),
      ['2020年', '2021年'],
      `${f.id}: a table row per year`,
    );
    // Every figure of the table is in the chart's accessible name and drawn on it.
    const drawn = svg?.querySelectorAll('text').map((x) => x.textContent) ?? [];
    for (const r of rows)
      for (const [i, td] of r.querySelectorAll('td').entries()) {
        if (f.id === 'chart-outcomes' && td.textContent === '0') continue; // no bar, no label
        if (i >= (f.id === 'chart-outcomes' ? 6 : 1)) continue; // the explaining column
        assert.ok(label.includes(td.textContent), `${f.id}: ${td.textContent} in the label`);
        assert.ok(drawn.includes(td.textContent), `${f.id}: ${td.textContent} drawn`);
      }
  }
  const share = figures[2]!.querySelectorAll('details table tbody tr').map(cells);
  assert.deepEqual(share, ['2020年 20% 1 / 5', '2021年 40% 2 / 5']);
});

test("each agency's deadline and a report dated after it", async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const doc = parse(await (await supervisor.get('/console/supervision?year=2021')).text());
  const row = (name: string) =>
    cells(doc.querySelectorAll('table.data tbody tr').find((r) => r.textContent.includes(name)));
  // Late though received: 逾期公布, its error, warning and reading-note counts still shown.
  assert.match(
    row('长江路街道办事处（演示）'),
    /逾期公布 2022年1月31日 2022年2月15日（逾期15天公布） 0 1 0 /,
  );
  assert.match(row('青岛市黄岛区卫生健康局（演示）'), /逾期未收到 2022年1月31日/);
  const csv = await (await supervisor.get('/console/supervision/2021/dashboard.csv')).text();
  assert.match(csv, /长江路街道办事处（演示）,逾期公布,2022-01-31,[^,]*,2022-02-15,15,0,1,0,/);
  const lead = text(doc.querySelector('p.lead')?.textContent ?? '');
  assert.match(lead, /逾期未收到 1 个，逾期公布 1 个/);
});

test("the seed's reading notes are counted apart from its own warnings", async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const doc = parse(await (await supervisor.get('/console/supervision?year=2021')).text());
  const row = cells(
    doc.querySelectorAll('table.data tbody tr').find((r) => r.textContent.includes('灵山卫街道')),
  );
  // 5 errors, its own 4 warnings, and the 4 CELL_AMBIGUOUS notes on how the file was read.
  assert.match(row, /有错误 2022年1月31日 2022年1月18日 5 4 4 /);
  const csv = await (await supervisor.get('/console/supervision/2021/dashboard.csv')).text();
  assert.match(csv, /错误数,提示数,读取说明数,/);
  assert.match(csv, /灵山卫街道办事处,有错误,2022-01-31,[^,]*,2022-01-18,0,5,4,4,/);
});

test('收到时间 is written as every other date, with the time of day', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const html = await (await supervisor.get('/console/supervision?year=2021')).text();
  assert.match(text(parse(html).textContent), /2026年1月20日 10:00/, 'the demo was received now');
  assert.doesNotMatch(html, /\d{4}\/\d{2}\/\d{2}/);
});

test('a year without reports has no figure: a gap, 「无报告」 in the table, every year on the axis', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const doc = parse(await (await supervisor.get('/console/supervision?year=2025')).text());
  const figures = doc.querySelectorAll('figure.chart');
  assert.equal(figures.length, 3);
  for (const f of figures) {
    const years = f
      .querySelectorAll('details table tbody tr')
      .map((r) => r.querySelector('th')?.textContent);
    assert.deepEqual(years, ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年'], f.id);
    const label = f.querySelector('svg')?.getAttribute('aria-label') ?? '';
    assert.match(label, /2025年：—/, f.id);
    assert.doesNotMatch(label, /2025年：0|2022年：予以公开0/, f.id);
  }
  const applications = figures[0]!.querySelectorAll('details table tbody tr').map(cells);
  assert.deepEqual(applications.slice(0, 2), ['2020年 82 5 / 6', '2021年 100 5 / 6']);
  assert.deepEqual(applications.at(-1), '2025年 无报告 0 / 6');
  const outcomes = figures[1]!.querySelectorAll('details table tbody tr').map(cells);
  assert.equal(outcomes.at(-1), `2025年 ${Array(6).fill('无报告').join(' ')}`);
});

test('a batch reports its progress as JSON for the page script, which is served as a file', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const form = new FormData();
  form.append('year', '2021');
  form.append('title', '');
  form.append('addresses', '');
  const seed = readFileSync(
    new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
  );
  form.append('files', new File([new Uint8Array(seed)], '灵山卫街道.txt'));
  form.append('_csrf', supervisor.csrfToken);
  const created = await supervisor.fetch('/console/supervision/batches', {
    method: 'POST',
    body: form,
  });
  const batchUrl = created.headers.get('location') ?? '';

  const page = parse(await (await supervisor.get(batchUrl)).text());
  const line = page.getElementById('batch-progress');
  assert.equal(line?.getAttribute('data-progress'), `${batchUrl}/progress.json`);
  const src = page.querySelector('script')?.getAttribute('src') ?? '';
  assert.match(src, /^\/static\/supervision\/progress\.[0-9a-f]{12}\.js$/);
  const script = await t.client().get(src);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(await script.text(), /progress/);
  assert.equal((await t.client().get('/static/supervision/other.js')).status, 404);

  const waiting = await supervisor.get(`${batchUrl}/progress.json`);
  assert.equal(waiting.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await waiting.json(), {
    done: 0,
    total: 1,
    finished: false,
    text: '正在检查：已完成 0 / 1 个文件。本页每隔几秒自动更新。',
  });
  await runCheckBatch(t.deps, reader, batchUrl.split('/').pop()!);
  const done = (await (await supervisor.get(`${batchUrl}/progress.json`)).json()) as {
    finished: boolean;
    done: number;
  };
  assert.deepEqual([done.finished, done.done], [true, 1]);
  const finished = parse(await (await supervisor.get(batchUrl)).text());
  assert.equal(finished.querySelector('script'), null, 'nothing to poll once finished');
  assert.equal(finished.getElementById('batch-progress')?.getAttribute('data-progress'), undefined);

  const below = await t.signIn('lsw-supervisor');
  assert.equal((await below.get(`${batchUrl}/progress.json`)).status, 403);
});

/** The dashboard's own table (the first on the page): each row's agency and status. */
const dashboardRows = (doc: HTMLElement) =>
  doc
    .querySelectorAll('table.data')[0]!
    .querySelectorAll('tbody tr')
    .map((r) => r.querySelectorAll('td').map((td) => text(td.textContent)))
    .map((c) => ({ agency: c[0]!, status: c[1]! }));

const csvRows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .map((l) => l.split(','));

test('the dashboard filtered by status, without JavaScript; the export follows the filter', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const all = parse(await (await supervisor.get('/console/supervision?year=2021')).text());
  const everyone = dashboardRows(all);
  const withErrors = everyone.filter((r) => r.status === '有错误');
  assert.ok(withErrors.length > 0 && withErrors.length < everyone.length, 'the demo has a mix');

  // A link from the count of each status, and a GET form, both reach the same page.
  const link = all
    .querySelectorAll('p.lead a')
    .find((a) => text(a.textContent) === `有错误 ${withErrors.length} 个`);
  assert.equal(link?.getAttribute('href'), '/console/supervision?year=2021&status=errors');
  const form = all.querySelector('form[aria-label="按状态筛选"]')!;
  assert.equal(form.getAttribute('method'), 'get');
  assert.equal(form.getAttribute('action'), '/console/supervision');
  assert.equal(form.querySelector('input[name="year"]')?.getAttribute('value'), '2021');
  assert.ok(form.querySelector('select[name="status"] option[value="errors"]'));

  const res = await supervisor.get('/console/supervision?year=2021&status=errors');
  assert.equal(res.status, 200);
  const doc = parse(await res.text());
  assert.deepEqual(dashboardRows(doc), withErrors);
  assert.match(text(doc.querySelector('table.data caption')?.textContent ?? ''), /：有错误（/);
  // The chosen value is kept in the form, and shown as the current one of the counts.
  const selected = doc.querySelectorAll('select[name="status"] option[selected]');
  assert.deepEqual(
    selected.map((o) => o.getAttribute('value')),
    ['errors'],
  );
  assert.equal(
    text(doc.querySelector('p.lead strong[aria-current]')?.textContent ?? ''),
    `有错误 ${withErrors.length} 个`,
  );
  assert.equal(
    doc
      .querySelectorAll('p.lead a')
      .find((a) => text(a.textContent) === '显示全部机关')
      ?.getAttribute('href'),
    '/console/supervision?year=2021',
  );
  assert.match(text(doc.textContent), /不受上方状态筛选的影响/);
  assert.doesNotMatch(text(all.textContent), /不受上方状态筛选的影响/);
  // Another year keeps the filter.
  assert.equal(
    doc
      .querySelectorAll('nav a')
      .find((a) => text(a.textContent) === '2020年')
      ?.getAttribute('href'),
    '/console/supervision?year=2020&status=errors',
  );

  // The export reached from here holds the same rows, and the page says so.
  const csvLink = doc
    .querySelectorAll('a')
    .find((a) => text(a.textContent) === '下载汇总表（CSV）')
    ?.getAttribute('href');
  assert.equal(csvLink, '/console/supervision/2021/dashboard.csv?status=errors');
  assert.match(
    text(doc.getElementById('export-rows')?.textContent ?? ''),
    new RegExp(`只含下表列出的状态为“有错误”的 ${withErrors.length} 个机关`),
  );
  const csv = await supervisor.get(csvLink!);
  assert.equal(csv.status, 200);
  assert.match(
    decodeURIComponent(csv.headers.get('content-disposition') ?? ''),
    /2021年度报告汇总（有错误）\.csv/,
  );
  assert.deepEqual(
    csvRows(await csv.text()).map((r) => ({ agency: r[0], status: r[1] })),
    withErrors,
  );
  const xlsxLink = doc
    .querySelectorAll('a')
    .find((a) => text(a.textContent) === '下载汇总表（Excel）')
    ?.getAttribute('href');
  assert.equal(xlsxLink, '/console/supervision/2021/dashboard.xlsx?status=errors');
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await (await supervisor.get(xlsxLink!)).arrayBuffer()) as unknown as ArrayBuffer,
  );
  const names: string[] = [];
  book.worksheets[0]!.eachRow((r, i) => {
    if (i > 1) names.push(String((r.values as unknown[])[1]));
  });
  assert.deepEqual(
    names,
    withErrors.map((r) => r.agency),
  );
  // Unfiltered, the export is of every agency.
  const full = await (await supervisor.get('/console/supervision/2021/dashboard.csv')).text();
  assert.equal(csvRows(full).length, everyone.length);
});

test('an unknown status is ignored on the page and said so in Chinese; an export refuses it', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const res = await supervisor.get('/console/supervision?year=2021&status=%3Cb%3Ebad');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.doesNotMatch(html, /<b>bad/, 'the value is escaped');
  const doc = parse(html);
  assert.match(
    text(doc.querySelector('.notice.warn')?.textContent ?? ''),
    /已忽略：状态“<b>bad”不是可选的状态（可选：逾期未收到、未收到、逾期公布、无法读取、有错误、部分未能核对、仅有提示、无问题）/,
  );
  const all = parse(await (await supervisor.get('/console/supervision?year=2021')).text());
  assert.deepEqual(dashboardRows(doc), dashboardRows(all), 'every agency shown');
  assert.equal(doc.querySelectorAll('select[name="status"] option[selected]').length, 0);
  assert.equal(
    doc
      .querySelectorAll('a')
      .find((a) => text(a.textContent) === '下载汇总表（CSV）')
      ?.getAttribute('href'),
    '/console/supervision/2021/dashboard.csv',
  );

  const refused = await supervisor.get('/console/supervision/2021/dashboard.csv?status=bogus');
  assert.equal(refused.status, 400);
  assert.match(
    text(parse(await refused.text()).textContent),
    /状态“bogus”不是可选的状态.*请回到年度报告汇总页选择状态后重新下载/,
  );
});

// A damaged copy of a real report (test/fixtures/reports/damaged/README.md): one number too
// many in its 予以公开 row, so the sums on that row could not be checked (NOT_ASSESSED).
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url)));

test('a report whose sums could not all be checked is 部分未能核对 on the batch, the report, the dashboard and its exports, never counted 无问题', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const form = new FormData();
  form.append('year', '2025');
  form.append('title', '');
  form.append('addresses', '');
  form.append(
    'files',
    new File([fixture('damaged/2025-county-gov-shuyang-ocr-extra-number.txt')], '损坏的副本.txt'),
  );
  form.append('files', new File([fixture('real/2025-county-gov-shuyang-ocr.txt')], '原件.txt'));
  form.append('_csrf', supervisor.csrfToken);
  const created = await supervisor.fetch('/console/supervision/batches', {
    method: 'POST',
    body: form,
  });
  const batchUrl = created.headers.get('location') ?? '';
  await runCheckBatch(t.deps, reader, batchUrl.split('/').pop()!);

  // The batch list: the damaged copy 部分未能核对, the report it was made from 无问题.
  const batch = parse(await (await supervisor.get(`${batchUrl}?sort=seq&dir=asc`)).text());
  const listed = batch.querySelectorAll('table.data tbody tr');
  assert.match(cells(listed[0]), /损坏的副本\.txt .*部分未能核对/);
  assert.match(cells(listed[1]), /原件\.txt .*无问题/);
  const onlyUnassessed = parse(
    await (await supervisor.get(`${batchUrl}?status=unassessed`)).text(),
  );
  assert.deepEqual(
    onlyUnassessed
      .querySelectorAll('table.data tbody tr')
      .map((r) => /损坏的副本/.test(r.textContent)),
    [true],
  );
  // Sorted by 结论, worst first: 部分未能核对 before 无问题 (after 有错误, before 仅有提示).
  const byStatus = parse(await (await supervisor.get(`${batchUrl}?sort=status&dir=asc`)).text());
  assert.match(cells(byStatus.querySelectorAll('table.data tbody tr')[0]), /损坏的副本/);
  const findings = await (await supervisor.get(`${batchUrl}/findings.csv`)).text();
  assert.match(findings, /,损坏的副本\.txt,[^,]*,部分未能核对,/);

  // The report's 结论 says what the word means; it is matched to a subordinate by hand.
  const reportUrl =
    listed[0]!.querySelector('a')?.getAttribute('href') ?? assert.fail('a link to the report');
  const page = parse(await (await supervisor.get(reportUrl)).text());
  const verdict = text(
    page.querySelectorAll('dt').find((d) => d.textContent === '结论')?.nextElementSibling
      ?.textContent ?? '',
  );
  assert.match(verdict, /^部分未能核对：错误 0 项，提示 0 项；另有读取说明 2 条/);
  assert.match(verdict, /报告可能无误，请对照原文人工核对/);
  const option = page
    .querySelectorAll('select[name="agency"] option')
    .find((o) => o.textContent.includes('薛家岛'));
  const agencyName = text(option?.textContent ?? assert.fail('a subordinate to match'));
  const matched = await supervisor.post(`${reportUrl}/match`, {
    agency: option!.getAttribute('value')!,
    year: '2025',
  });
  assert.equal(matched.status, 303);

  // The dashboard: its own count and filter, and not among the 无问题.
  const dash = parse(await (await supervisor.get('/console/supervision?year=2025')).text());
  assert.deepEqual(
    dashboardRows(dash).filter((r) => r.agency === agencyName),
    [{ agency: agencyName, status: '部分未能核对' }],
  );
  assert.equal(
    dashboardRows(dash).filter((r) => r.status === '无问题').length,
    0,
    'nothing else of 2025 was received',
  );
  const link = dash
    .querySelectorAll('p.lead a')
    .find((a) => text(a.textContent) === '部分未能核对 1 个');
  assert.equal(link?.getAttribute('href'), '/console/supervision?year=2025&status=unassessed');
  assert.doesNotMatch(text(dash.querySelector('p.lead')?.textContent ?? ''), /无问题/);
  const filtered = parse(await (await supervisor.get(link!.getAttribute('href')!)).text());
  assert.deepEqual(dashboardRows(filtered), [{ agency: agencyName, status: '部分未能核对' }]);
  const csv = await (
    await supervisor.get('/console/supervision/2025/dashboard.csv?status=unassessed')
  ).text();
  assert.deepEqual(
    csvRows(csv).map((r) => [r[0], r[1]]),
    [[agencyName, '部分未能核对']],
  );
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await (
      await supervisor.get('/console/supervision/2025/dashboard.xlsx')
    ).arrayBuffer()) as unknown as ArrayBuffer,
  );
  const statuses: string[] = [];
  book.worksheets[0]!.eachRow((r, i) => {
    const v = r.values as unknown[];
    if (i > 1 && String(v[1]) === agencyName) statuses.push(String(v[2]));
  });
  assert.deepEqual(statuses, ['部分未能核对']);
});
