// The supervisors' report check in the console: multipart uploads of report files and zips,
// findings and marked tables per report, the summary CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { parse, type HTMLElement } from 'node-html-parser';
import { renderReport } from '../../src/reports/render/index.js';
import { sampleReport } from '../../src/reports/render/test-support.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const PATH = '/console/reports/check';
const seedText = readFileSync(
  new URL('../fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
);

function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function upload(
  client: TestClient,
  files: { name: string; bytes: Uint8Array | string }[],
  csrf: string | false = client.csrfToken,
) {
  const form = new FormData();
  for (const f of files) form.append('files', new File([f.bytes], f.name));
  if (csrf !== false) form.append('_csrf', csrf);
  return client.fetch(PATH, { method: 'POST', body: form });
}

/** The overview table's rows as [file, agency, year, verdict, errors, warnings]. */
function overview(root: HTMLElement): string[][] {
  return root
    .querySelectorAll('table.data tbody tr')
    .map((tr) => tr.querySelectorAll('th, td').slice(1).map(text));
}

describe('console report check', () => {
  let t: TestApp;
  let supervisor: TestClient;
  let balancedJson: string;
  let balancedHtml: string;

  before(async () => {
    t = await createTestApp({ demo: true, now: '2022-01-25T02:00:00.000Z' });
    supervisor = await t.signIn('hd-supervisor');
    balancedJson = await renderReport(sampleReport(), 'json');
    balancedHtml = await renderReport(sampleReport(), 'html');
  });
  after(() => t.close());

  test('visitors are sent to sign in; any signed-in staff member gets the upload form', async () => {
    const visitor = await t.client().get(PATH);
    assert.equal(visitor.status, 303);
    assert.match(visitor.headers.get('location') ?? '', /^\/console\/login/);
    const handler = await t.signIn('lsw-handler');
    const res = await handler.get(PATH);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    assert.equal(text(root.querySelector('h1')), '年度报告检查');
    const form = root.querySelector('form.form');
    assert.equal(form?.getAttribute('enctype'), 'multipart/form-data');
    assert.equal(form?.getAttribute('action'), PATH);
    const input = root.querySelector('input[type="file"][name="files"]');
    assert.ok(input?.hasAttribute('multiple'));
    assert.ok(root.querySelector(`label[for="${input?.id}"]`));
    assert.ok(root.querySelector('input[name="_csrf"]')?.getAttribute('value'));
    const nav = root.querySelectorAll('nav.console-nav a').map((a) => a.getAttribute('href'));
    assert.ok(nav.includes(PATH));
  });

  test('a post without the CSRF token is refused', async () => {
    const res = await upload(supervisor, [{ name: 'seed.txt', bytes: seedText }], false);
    assert.equal(res.status, 403);
  });

  test('a post without files says so, in Chinese, on the form', async () => {
    const res = await upload(supervisor, []);
    assert.equal(res.status, 400);
    const root = parse(await res.text());
    assert.match(text(root.querySelector('.error-summary')), /请选择至少一个报告文件/);
    assert.equal(root.querySelector('input[type="file"]')?.getAttribute('aria-invalid'), 'true');
  });

  test('several files: each report with its findings (errors first) and marked tables; a bad file among them', async () => {
    const res = await upload(supervisor, [
      { name: 'seed.txt', bytes: seedText },
      { name: '会议纪要.txt', bytes: '会议纪要\n今天讨论了食堂菜单。' },
      { name: 'balanced.json', bytes: balancedJson },
    ]);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    const rows = overview(root);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0]!.slice(0, 3), ['seed.txt', '灵山卫街道办事处', '2021年']);
    assert.equal(rows[0]![3], '有错误');
    assert.ok(Number(rows[0]![4]) >= 5);
    assert.equal(rows[1]![3], '无法读取');
    assert.equal(rows[2]![3], '无问题');

    const seed = root.querySelector('#report-1')!;
    const findings = seed.querySelectorAll('ol.finding-list li').map(text);
    const firstWarning = findings.findIndex((f) => f.startsWith('提示'));
    assert.ok(firstWarning > 0);
    assert.ok(
      findings.slice(firstWarning).every((f) => f.startsWith('提示')),
      'errors first',
    );
    assert.ok(findings.some((f) => /^错误（T3_BALANCE）：表三“自然人”列/.test(f)));
    assert.ok(findings.some((f) => f.startsWith('错误（SECTION_MISSING）')));
    // Notes on how the file was read are listed and counted apart, not as the report's
    // warnings: the seed has 4 warnings of its own and 4 CELL_AMBIGUOUS notes.
    assert.deepEqual(rows[0]!.slice(4), ['5', '4', '4']);
    const own = seed.querySelectorAll('#report-1-findings li').map(text);
    const notes = seed.querySelectorAll('#report-1-notes li').map(text);
    assert.equal(own.length, 9);
    assert.ok(own.every((f) => !/CELL_AMBIGUOUS|NOT_ASSESSED/.test(f)));
    assert.equal(notes.length, 4);
    assert.ok(notes.every((f) => /（CELL_AMBIGUOUS）/.test(f)));
    assert.equal(seed.querySelector('#report-1-notes')?.getAttribute('start'), '10');
    assert.match(text(seed.querySelector('dl.facts')), /错误 5 项，提示 4 项；另有读取说明 4 条/);

    // The cells of the 自然人 balance are marked, with the finding's number read out.
    const balanceNo = findings.findIndex((f) => /T3_BALANCE）：表三“自然人”列/.test(f)) + 1;
    const received = seed
      .querySelectorAll('#report-1-table-requests td.cell-marked')
      .find((td) => /t3-r-received .*t3-c-natural_person/.test(td.getAttribute('headers') ?? ''));
    assert.ok(received, 'the received/natural person cell is marked');
    assert.match(received.getAttribute('class') ?? '', /cell-error/);
    assert.ok(
      received.querySelectorAll('.mark-numbers a').some((a) => text(a) === String(balanceNo)),
      'the balance finding is cited on the cell',
    );

    assert.match(text(root.querySelector('#report-2')), /无法读取：.*年度报告/);
    assert.match(text(root.querySelector('#report-3')), /未发现问题/);
    assert.equal(root.querySelectorAll('#report-3 td.cell-marked').length, 0);

    // Styles come from a same-site stylesheet (the CSP forbids inline ones), which is served.
    const href = root.querySelector('main link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    const css = await supervisor.get(href);
    assert.equal(css.status, 200);
    assert.match(await css.text(), /\.report-table td\.cell-error/);
    assert.equal(root.querySelectorAll('style').length, 0);
  });

  test("the seed's marked cells show their findings' numbers on screen, linked both ways; reading notes marked apart", async () => {
    const res = await upload(supervisor, [
      { name: 'seed.txt', bytes: seedText },
      { name: 'balanced.json', bytes: balancedJson },
    ]);
    const root = parse(await res.text());
    const seed = root.querySelector('#report-1')!;
    const items = [
      ...seed.querySelectorAll('#report-1-findings > li'),
      ...seed.querySelectorAll('#report-1-notes > li'),
    ];
    // One numbering for the list and the cells: item n has the id report-1-finding-n.
    assert.deepEqual(
      items.map((li) => li.id),
      items.map((_, i) => `report-1-finding-${i + 1}`),
    );
    const number = (code: string, place: RegExp) =>
      items.findIndex((li) => li.text.includes(`（${code}）`) && place.test(li.text)) + 1;
    const totalColumn = number('T3_TOTAL_COLUMN', /一、本年新收/);
    const rulesNote = number('CELL_AMBIGUOUS', /表二“规章”行/);
    assert.ok(totalColumn > 0 && rulesNote > 9, 'the notes are numbered after the problems');

    // What a sighted reader sees in a cell: the sign and the numbers (not only the hidden words).
    const seen = (el: HTMLElement) => {
      const copy = parse(el.outerHTML);
      for (const h of copy.querySelectorAll('.visually-hidden')) h.remove();
      return text(copy);
    };
    // 一、本年新收 / 总计: the misplaced total, cited by its own finding and the balance's.
    const cell = seed.getElementById('report-1-cell-requests-received-total');
    assert.ok(cell, 'the marked cell has an id');
    assert.match(cell.getAttribute('class') ?? '', /cell-error/);
    const links = cell.querySelectorAll('.mark-numbers a');
    assert.ok(links.length >= 2);
    assert.equal(seen(cell.querySelector('.mark-numbers')!), `✗${links.map(text).join('、')}`);
    const own = links.find((a) => text(a) === String(totalColumn));
    assert.equal(own?.getAttribute('href'), `#report-1-finding-${totalColumn}`);
    // Every number in every cell links to an item of the list that bears that number.
    for (const a of seed.querySelectorAll('td .mark-numbers a')) {
      const target = seed.getElementById(a.getAttribute('href')!.slice(1));
      assert.ok(target, `${a.getAttribute('href')} is on the page`);
      assert.equal(target.id, `report-1-finding-${text(a)}`);
    }
    // The finding links back to its first cell, which cites it.
    const item = seed.getElementById(`report-1-finding-${totalColumn}`)!;
    const back = item.querySelectorAll('a').find((a) => text(a) === `在表中查看第${totalColumn}条`);
    assert.equal(back?.getAttribute('href'), '#report-1-cell-requests-received-total');
    // A finding about a section has no cell to link to.
    const section = items.find((li) => li.text.includes('（SECTION_MISSING）'))!;
    assert.equal(section.querySelectorAll('a').length, 0);

    // The note on 表二 “规章” shades that row's three cells only, marked as a note (not ✗ or !).
    const noted = seed.querySelectorAll('td.cell-note');
    const rules = noted.filter((td) => td.id.startsWith('report-1-cell-proactive-rules-'));
    assert.equal(rules.length, 3);
    for (const td of rules) assert.equal(seen(td.querySelector('.mark-numbers')!), `?${rulesNote}`);
    assert.ok(
      noted.every((td) => td.querySelectorAll('a').every((a) => Number(text(a)) > 9)),
      'a cell shaded as a note cites notes only',
    );
    const noteItem = seed.getElementById(`report-1-finding-${rulesNote}`)!;
    assert.equal(
      noteItem
        .querySelectorAll('a')
        .find((a) => /在表中查看/.test(text(a)))
        ?.getAttribute('href'),
      '#report-1-cell-proactive-rules-issued',
    );
    assert.ok(seed.querySelector('#report-1-notes')?.closest('section'), 'listed apart');
    // The other rows of 表二 are not shaded.
    assert.equal(seed.querySelectorAll('#report-1-table-proactive td.cell-marked').length, 6);

    // The seed's misplaced total: its findings grouped, each number a link to the finding.
    const group = seed.querySelector('#report-1-groups-title')?.parentNode;
    assert.match(text(group), /很可能出自同一处：“总计”列第一项应为9/);
    assert.ok(
      group
        ?.querySelectorAll('a')
        .some((a) => a.getAttribute('href') === `#report-1-finding-${totalColumn}`),
    );

    // The second report on the page has ids of its own, and nothing marked.
    assert.equal(root.querySelectorAll('#report-2 .mark-numbers').length, 0);
    assert.ok(root.querySelector('#report-2-problems-title'));
  });

  test('a report whose sums could not all be checked is 部分未能核对 on the page and in the CSV, not counted 无错误', async () => {
    // A damaged copy of a real report (test/fixtures/reports/damaged/README.md).
    const damaged = readFileSync(
      new URL(
        '../fixtures/reports/damaged/2025-county-gov-shuyang-ocr-extra-number.txt',
        import.meta.url,
      ),
    );
    const res = await upload(supervisor, [
      { name: 'damaged.txt', bytes: new Uint8Array(damaged) },
      { name: 'balanced.json', bytes: balancedJson },
    ]);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    assert.deepEqual(
      overview(root).map((r) => [r[0], r[3]]),
      [
        ['damaged.txt', '部分未能核对'],
        ['balanced.json', '无问题'],
      ],
    );
    assert.match(
      text(root.querySelector('p.lead')),
      /共检查 2 个文件：0 份有错误，0 个无法读取，1 份部分未能核对（需人工核对），1 份无错误。/,
    );
    const facts = text(root.querySelector('#report-1 dl.facts'));
    assert.match(facts, /部分未能核对：错误 0 项，提示 0 项；另有读取说明 2 条/);
    assert.match(facts, /报告可能无误，请对照原文人工核对/);
    const csvHref = root.querySelector('a[download]')?.getAttribute('href') ?? '';
    const csv = await (await supervisor.get(csvHref)).text();
    assert.match(csv, /\n1,damaged\.txt,[^,]*,2025,2021年格式,部分未能核对,0,0,2,/);
  });

  test('a zip of two reports is opened; a zip inside it is not, and junk is skipped', async () => {
    const zip = zipSync({
      '2021/灵山卫街道.txt': new Uint8Array(seedText),
      '2021/示例.html': strToU8(balancedHtml),
      '2021/旧.zip': zipSync({ 'x.txt': strToU8('x') }),
      '__MACOSX/2021/._示例.html': strToU8('junk'),
    });
    const res = await upload(supervisor, [{ name: '各街道年报.zip', bytes: zip }]);
    assert.equal(res.status, 200);
    const rows = overview(parse(await res.text()));
    assert.deepEqual(
      rows.map((r) => [r[0], r[3]]),
      [
        ['各街道年报.zip/2021/灵山卫街道.txt', '有错误'],
        ['各街道年报.zip/2021/示例.html', '无问题'],
        ['各街道年报.zip/2021/旧.zip', '无法读取'],
      ],
    );
  });

  test('a zip with too many entries is refused with a Chinese message, the other files still checked', async () => {
    const entries = Object.fromEntries(
      Array.from({ length: 201 }, (_, i) => [`${i}.txt`, strToU8('x')]),
    );
    const res = await upload(supervisor, [
      { name: 'many.zip', bytes: zipSync(entries) },
      { name: 'balanced.json', bytes: balancedJson },
    ]);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    assert.deepEqual(
      overview(root).map((r) => r[3]),
      ['无法读取', '无问题'],
    );
    assert.match(
      text(root.querySelector('#report-1')),
      /压缩包中有 201 个文件，超过每个压缩包 200 个的上限/,
    );
  });

  test('an upload over the size limit gets 413 and a Chinese message', async () => {
    const res = await upload(supervisor, [
      { name: 'big.pdf', bytes: new Uint8Array(31 * 1024 * 1024) },
    ]);
    assert.equal(res.status, 413);
    assert.match(
      text(parse(await res.text()).querySelector('.error-summary')),
      /合计超过 30 MB，请分批上传/,
    );
  });

  test('the summary CSV: one row per finding, reports without findings and unreadable files one row each', async () => {
    const res = await upload(supervisor, [
      { name: 'seed.txt', bytes: seedText },
      { name: 'balanced.json', bytes: balancedJson },
      { name: 'empty.txt', bytes: '   ' },
    ]);
    const root = parse(await res.text());
    const findingsCount = root.querySelectorAll('#report-1 ol.finding-list li').length;
    const link = root.querySelectorAll('a').find((a) => text(a) === '下载汇总表（CSV）');
    const href = link?.getAttribute('href') ?? '';
    assert.match(href, /^\/console\/reports\/check\/[A-Za-z0-9_-]{22}\/summary\.csv$/);

    const csv = await supervisor.get(href);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment;.*filename\*=UTF-8''/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(bytes)
      .slice(1)
      .split('\r\n')
      .filter(Boolean);
    assert.match(
      lines[0]!,
      /^序号,文件,机关,报告年度,报告格式,结论,错误数,提示数,读取说明数,类别,严重程度,问题代码,表格,行,列,部分,按勾稽关系计算值,报告所列值,问题说明,经核算的更正$/,
    );
    assert.equal(lines.length, 1 + findingsCount + 1 + 1);
    assert.ok(
      lines.some((l) =>
        /^1,seed\.txt,灵山卫街道办事处,2021,2021年格式,有错误,5,4,4,报告问题,错误,T3_BALANCE,表三,,自然人,,,,表三“自然人”列/.test(
          l,
        ),
      ),
      'a balance compares two sums, neither a cell: no figures put forward as the cell’s',
    );
    assert.ok(
      lines.some((l) =>
        /^1,seed\.txt,.*,报告问题,错误,T3_TOTAL_COLUMN,表三,[^,]+,总计,,9,0,表三/.test(l),
      ),
      'a 总计 against its parts: the sum computed, then the cell as listed',
    );
    assert.ok(
      lines.some((l) => /,读取说明,提示,CELL_AMBIGUOUS,[^,]*,[^,]*,[^,]*,[^,]*,,,/.test(l)),
    );
    // The seed's misplaced total: one correction, on the two findings it mends.
    assert.deepEqual(
      lines
        .filter((l) => l.startsWith('1,seed.txt,') && !l.endsWith(','))
        .map((l) => l.split(',').at(-1)),
      ['“总计”列第一项应为9（8+1，现为0）', '“总计”列第一项应为9（8+1，现为0）'],
    );
    assert.ok(lines.some((l) => /^2,balanced\.json,.*,无问题,0,0,0,{11}$/.test(l)));
    assert.ok(lines.some((l) => /^3,empty\.txt,,,,无法读取,{13}文件是空的[^,]*,$/.test(l)));

    // Only the account that ran the check may download it, and only for a while.
    const other = await t.signIn('lsw-supervisor');
    assert.equal((await other.get(href)).status, 404);
    // Two hours and a bit later (visiting a page in between keeps the session alive).
    t.clock.advance(61 * 60 * 1000);
    assert.equal((await supervisor.get(href)).status, 200);
    t.clock.advance(61 * 60 * 1000);
    const expired = await supervisor.get(href);
    assert.equal(expired.status, 404);
    assert.match(text(parse(await expired.text()).querySelector('.error-summary')), /已过期/);
  });
});
