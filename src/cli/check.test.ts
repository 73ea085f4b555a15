// `gongkai check` as a user runs it: the real command, in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { blankReport } from '../reports/checks/fixtures/build.js';
import { seedReport } from '../reports/checks/fixtures/seed-report.js';
import { reportToJson } from '../reports/json.js';
import { damagedPdf, paragraphBomb } from '../reports/read/test-support.js';
import { renderReport } from '../reports/render/index.js';
import type { AnnualReport } from '../reports/model.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedText = join(root, 'test/fixtures/reports/seed-2021-lingshanwei.txt');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/gongkai.js'), 'check', ...args], {
    encoding: 'utf8',
    cwd: dir,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeReport(name: string, report: AnnualReport | unknown): string {
  const path = join(dir, name);
  const value =
    report && typeof report === 'object' && 'tables' in report && 'sections' in report
      ? reportToJson(report as AnnualReport)
      : report;
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** A clean report: all zero, six sections, in time. */
function cleanReport(year = 2022): AnnualReport {
  const r = blankReport('2021', year);
  r.sections = r.sections.map((s) => ({ ...s, text: s.key === 'other' ? '无。' : s.text }));
  return r;
}

test('check: the seed report as published (text) has its errors; exit 1', () => {
  const r = gongkai(seedText);
  assert.equal(r.code, 1, r.stderr);
  // Its four CELL_AMBIGUOUS are reading notes, not 提示: counted and listed apart.
  assert.match(
    r.stdout,
    /灵山卫街道办事处2021年度报告（2021年格式），有错误（错误5项，提示4项；另有读取说明4条）/,
  );
  assert.ok(r.stdout.indexOf('错误：') < r.stdout.indexOf('提示：'));
  const notes = r.stdout.indexOf('  读取说明（');
  assert.ok(r.stdout.indexOf('提示：') < notes && notes > 0, r.stdout);
  const noteLines = r.stdout
    .slice(notes)
    .split('\n')
    .filter((l) => /^ {4}\d+\. \[/.test(l));
  assert.deepEqual(
    noteLines.map((l) => l.match(/\[(\w+)\]/)![1]),
    ['CELL_AMBIGUOUS', 'CELL_AMBIGUOUS', 'CELL_AMBIGUOUS', 'CELL_AMBIGUOUS'],
  );
  assert.doesNotMatch(r.stdout.slice(0, notes), /CELL_AMBIGUOUS/);
  // The grouping's correction, the console's and the CSVs', under each finding it mends.
  assert.match(
    r.stdout,
    /4\. \[T3_BALANCE\] 表三“总计”列[^\n]*\n {7}第4、5条很可能出自同一处，经核算的更正：“总计”列第一项应为9（8\+1，现为0）\n {4}5\. \[T3_TOTAL_COLUMN\][^\n]*\n {7}第4、5条很可能出自同一处，经核算的更正：“总计”列第一项应为9（8\+1，现为0）\n/,
  );
  assert.equal(r.stdout.match(/经核算的更正/g)?.length, 2);
  assert.match(
    r.stdout,
    /\[T3_BALANCE\] 表三“自然人”列：第一项\(8\)\+第二项\(0\)=8，不等于第三项总计\(9\)\+第四项\(0\)=9/,
  );
  assert.match(r.stdout, /\[SECTION_MISSING\] 缺少第六部分“其他需要报告的事项”/);
  assert.match(r.stdout, /共检查1份报告，1份有错误。/);
});

test('check --json: the seed report with the spec keys, cells as numbers', () => {
  const r = gongkai('--json', seedText);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['reports']);
  const [report] = out.reports;
  assert.deepEqual(Object.keys(report), [
    'source',
    'agency',
    'year',
    'format',
    'tables',
    'findings',
  ]);
  assert.equal(report.source, seedText);
  assert.equal(report.year, 2021);
  assert.equal(report.format, '2021');
  assert.equal(report.tables.requests['unavailable.not_held'].natural_person, 8);
  assert.equal(report.tables.requests.received.total, 0);
  assert.equal(report.tables.requests['other.other'].total, 0); // empty → 0, and reported:
  assert.ok(
    report.findings.some(
      (f: { code: string; row: string }) => f.code === 'CELL_EMPTY' && f.row === 'other.other',
    ),
  );
  assert.equal(report.tables.review.reconsideration.upheld, 1);
  assert.equal(report.tables.review.reconsideration.total, 2);
  assert.equal(report.tables.proactive.rules.in_force, 0);
  const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error');
  assert.deepEqual(
    errors.map(
      (f: { code: string; row: string | null; column: string | null; section: string | null }) => [
        f.code,
        f.row,
        f.column,
        f.section,
      ],
    ),
    [
      ['SECTION_MISSING', null, null, 'other'],
      ['T3_BALANCE', null, 'natural_person', null],
      ['T3_BALANCE', null, 'commercial_enterprise', null],
      ['T3_BALANCE', null, 'total', null],
      ['T3_TOTAL_COLUMN', 'received', 'total', null],
    ],
  );
  assert.deepEqual(Object.keys(errors[4]), [
    'code',
    'severity',
    'table',
    'row',
    'column',
    'section',
    'expected',
    'actual',
    'message',
  ]);
  assert.deepEqual([errors[4].expected, errors[4].actual], [9, 0]);
});

test('check: a clean report JSON exits 0', () => {
  const r = gongkai(writeReport('clean.json', cleanReport()));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /clean\.json：示例街道办事处2022年度报告（2021年格式），无问题\n/);
});

// A damaged copy of a real report (test/fixtures/reports/damaged/README.md): its 予以公开 row
// has one number too many, so the sums on that row cannot be checked.
const damaged = join(
  root,
  'test/fixtures/reports/damaged/2025-county-gov-shuyang-ocr-extra-number.txt',
);

test('check: a report whose sums could not all be checked is 部分未能核对, not 无问题; exit 0', () => {
  const r = gongkai(
    damaged,
    join(root, 'test/fixtures/reports/real/2025-county-gov-shuyang-ocr.txt'),
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /沐阳县人民政府2025年度报告（2021年格式），部分未能核对（另有读取说明2条）\n/,
  );
  const block = r.stdout.split('\n\n')[0]!;
  assert.match(block, /请对照原文人工核对/);
  assert.doesNotMatch(block, /无问题/);
  assert.match(r.stdout, /读取说明（[^\n]*\n {4}1\. \[NOT_ASSESSED\]/);
  assert.match(r.stdout, /共检查2份报告，0份有错误，1份部分未能核对（需人工核对）。/);
  // The undamaged report beside it is 无问题.
  assert.match(r.stdout, /shuyang-ocr\.txt：沐阳县人民政府2025年度报告（2021年格式），无问题\n/);
});

test('check: an unreadable file is reported, the others still checked; exit 2', () => {
  const good = writeReport('good.json', cleanReport());
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"format": "2021", ');
  const r = gongkai(good, join(dir, 'missing.txt'), broken);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /missing\.txt：无法读取。找不到该文件/);
  assert.match(r.stdout, /broken\.json：无法读取。JSON 格式有误/);
  assert.match(r.stdout, /good\.json：示例街道办事处2022年度报告（2021年格式），无问题/);
  assert.match(r.stdout, /共检查3份报告，0份有错误，2份无法读取。/);
  assert.doesNotMatch(r.stdout + r.stderr, /at .*\.ts:\d+/);
});

test('check: a damaged PDF and bombs are unreadable (exit 2); the good files are still reported', () => {
  const damaged = join(dir, 'damaged.pdf');
  writeFileSync(damaged, damagedPdf());
  const bomb = join(dir, 'bomb.docx');
  writeFileSync(bomb, paragraphBomb());
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, 65 * 1024 * 1024); // sparse: nothing is written, the size is what counts
  const good = writeReport('clean.json', cleanReport());
  const r = gongkai(damaged, seedText, bomb, huge, good);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /damaged\.pdf：无法读取。这个PDF文件已损坏或不完整/u);
  assert.match(r.stdout, /bomb\.docx：无法读取。这个Word文档的正文部分解压后有 201 MB/u);
  assert.match(r.stdout, /huge\.txt：无法读取。文件有 65 MB，超过 64 MB 的上限/u);
  assert.match(r.stdout, /灵山卫街道/u);
  assert.match(r.stdout, /clean\.json：示例街道办事处2022年度报告（2021年格式），无问题/u);
  assert.match(r.stdout, /共检查5份报告，1份有错误，3份无法读取。/u);
  assert.doesNotMatch(
    r.stdout + r.stderr,
    /XRefEntryException|ERR_UNHANDLED_REJECTION|at .*\.(ts|mjs|js):\d+/u,
  );
});

test('check --json: an unreadable file keeps the shape, with an error; exit 2', () => {
  const wrong = writeReport('wrong.json', { ...reportToJson(cleanReport()), year: '二〇二二' });
  const r = gongkai('--json', wrong, seedText);
  assert.equal(r.code, 2);
  const [first, second] = JSON.parse(r.stdout).reports;
  assert.equal(first.source, wrong);
  assert.match(first.error, /year：应为数字，实际为文字/);
  assert.deepEqual([first.tables, first.findings], [null, []]);
  assert.equal(second.year, 2021);
});

test('check --previous: carry-over is checked against last year; exit 1 on a mismatch', () => {
  const last = cleanReport(2022);
  last.tables.requests.carried_out = {
    ...last.tables.requests.carried_out,
    natural_person: 2,
    total: 2,
  };
  last.tables.requests.received = { ...last.tables.requests.received, natural_person: 2, total: 2 };
  const previous = writeReport('2022.json', last);
  const thisYear = writeReport('2023.json', cleanReport(2023));
  const r = gongkai(thisYear, '--previous', previous);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /\[CARRY_OVER\] 表三“自然人”列：本年“二、上年结转政府信息公开申请数量”为0，不等于2022年度报告“四、结转下年度继续办理”的2/,
  );
  // It says what it compared with.
  assert.match(
    r.stderr,
    /2023\.json（.*2023年度）：已与 .*2022\.json（.*2022年度报告）核对结转数、现行有效件数和内容是否雷同/,
  );
  // Without --previous the same report is clean.
  assert.equal(gongkai(thisYear).code, 0);
});

test('check --previous that cannot be read: the reports are still checked; exit 2', () => {
  const r = gongkai(writeReport('ok.json', cleanReport()), '--previous', join(dir, 'nope.json'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.json（上一年度报告）：无法读取。找不到该文件/);
  assert.match(r.stdout, /ok\.json：示例街道办事处2022年度报告（2021年格式），无问题/);
});

test('check without a file: a Chinese usage error', () => {
  const r = gongkai();
  assert.equal(r.code, 2);
  assert.match(r.stderr, /缺少参数/);
});

test('check: the seed as hand-built JSON gives the same findings as the text', () => {
  const fromJson = JSON.parse(gongkai('--json', writeReport('seed.json', seedReport())).stdout)
    .reports[0];
  const fromText = JSON.parse(gongkai('--json', seedText).stdout).reports[0];
  assert.deepEqual(fromJson.tables, fromText.tables);
  const codes = (r: { findings: { code: string }[] }) =>
    r.findings.map((f) => f.code).filter((c) => c !== 'CELL_AMBIGUOUS');
  assert.deepEqual(codes(fromJson), codes(fromText));
});

const corpus = (name: string) => join(root, 'test/fixtures/reports', name);
type JsonFinding = {
  code: string;
  severity: string;
  row: string | null;
  expected: number | null;
  actual: number | null;
};

test('check: the 2023 洪泽区 PDF — its two table-四 errors and nothing false', () => {
  const r = gongkai('--json', corpus('2023-hongze-district-government.pdf'));
  assert.equal(r.code, 1, r.stderr);
  const [report] = JSON.parse(r.stdout).reports;
  const errors = report.findings.filter((f: JsonFinding) => f.severity === 'error');
  assert.deepEqual(
    errors.map((f: JsonFinding) => [f.code, f.row, f.expected, f.actual]),
    [
      ['T4_SUM', 'reconsideration', 11, 0],
      ['T4_SUM', 'litigation_after_reconsideration', 5, 0],
    ],
  );
  // 「受理政府信息公开申请 21 件」 agrees with table 三; the only warning is the parser's
  // one guess about the single-row （六）.
  assert.deepEqual(
    report.findings.map((f: JsonFinding) => f.code),
    ['T4_SUM', 'T4_SUM', 'CELL_AMBIGUOUS'],
  );
});

test('check: the 2024 洪泽区 PDF — no error; the prose’s 17 requests against the table’s 95', () => {
  const r = gongkai('--json', corpus('2024-hongze-district-government.pdf'));
  assert.equal(r.code, 0, r.stderr);
  const [report] = JSON.parse(r.stdout).reports;
  assert.deepEqual(
    report.findings
      .filter((f: JsonFinding) => f.code === 'NARRATIVE_MISMATCH')
      .map((f: JsonFinding) => [f.row, f.expected, f.actual]),
    [['received', 95, 17]],
  );
  assert.equal(report.tables.requests.received.total, 95);
  assert.deepEqual(report.findings.map((f: JsonFinding) => f.code).sort(), [
    'CELL_AMBIGUOUS',
    'NARRATIVE_MISMATCH',
  ]);
});

test('check: the seed rendered to .docx and HTML gives the errors of its JSON', async () => {
  const docx = join(dir, 'seed-rendered.docx');
  const html = join(dir, 'seed-rendered.html');
  writeFileSync(docx, await renderReport(seedReport(), 'docx'));
  writeFileSync(html, await renderReport(seedReport(), 'html'));
  const json = writeReport('seed-rendered.json', seedReport());
  const r = gongkai('--json', json, docx, html);
  assert.equal(r.code, 1, r.stderr);
  const errors = (report: { findings: JsonFinding[] }) =>
    report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => [f.code, f.row, f.expected, f.actual]);
  const [fromJson, fromDocx, fromHtml] = JSON.parse(r.stdout).reports;
  assert.equal(errors(fromJson).length, 5);
  assert.deepEqual(errors(fromDocx), errors(fromJson));
  assert.deepEqual(errors(fromHtml), errors(fromJson));
  assert.deepEqual(fromDocx.tables, fromJson.tables);
});

test('check --previous on two real consecutive reports (洪泽区 2023 → 2024): nothing false across years', () => {
  const r = gongkai(
    '--json',
    corpus('2024-hongze-district-government.pdf'),
    '--previous',
    corpus('2023-hongze-district-government.pdf'),
  );
  assert.equal(r.code, 0, r.stderr);
  const [report] = JSON.parse(r.stdout).reports;
  const codes = report.findings.map((f: JsonFinding) => f.code);
  for (const code of ['CARRY_OVER', 'T2_STOCK', 'SAME_AS_LAST_YEAR'])
    assert.ok(!codes.includes(code), code);
});

test('check: a 2019-format row read unsure is named with the 2019 labels in its NOT_ASSESSED', () => {
  const text = readFileSync(corpus('word-text-2020-trial-format.txt'), 'utf8');
  // Nine numbers for the seven columns of （六）其他处理: the reader cannot place them.
  const damaged = text.replace(
    /（六）其他处理\n(?:\t0\n){7}/u,
    `（六）其他处理\n${['0', '1', '0', '2', '0', '3', '0', '4', '0'].map((v) => `\t${v}\n`).join('')}`,
  );
  assert.notEqual(damaged, text);
  const path = join(dir, 'trial-damaged.txt');
  writeFileSync(path, damaged);
  const [report] = JSON.parse(gongkai('--json', path).stdout).reports;
  assert.equal(report.format, '2019');
  const notes = report.findings.filter(
    (f: JsonFinding & { message: string }) => f.code === 'NOT_ASSESSED' && f.row === 'other.other',
  );
  assert.equal(notes.length, 1);
  // The 2021 format would call this row 「3.其他」: the labels are the report's own format's.
  assert.match(
    notes[0].message,
    /^表三“（六）其他处理”行的“总计”.*：表三“（六）其他处理”行未能可靠读取/u,
  );
  assert.ok(!report.findings.some((f: JsonFinding) => /^T3_/u.test(f.code)));
});

test('check FOLDER: every report file under it, sub-folders too, in name order; hidden files and other files skipped', () => {
  const folder = join(dir, 'batch');
  mkdirSync(join(folder, 'b-sub'), { recursive: true });
  mkdirSync(join(folder, '.hidden'), { recursive: true });
  writeFileSync(join(folder, 'c-seed.txt'), readFileSync(seedText));
  writeFileSync(join(folder, 'a-clean.json'), JSON.stringify(reportToJson(cleanReport())));
  writeFileSync(
    join(folder, 'b-sub', 'clean-2023.json'),
    JSON.stringify(reportToJson(cleanReport(2023))),
  );
  writeFileSync(join(folder, '.hidden', 'x.txt'), 'not a report');
  writeFileSync(join(folder, 'notes.xlsx'), 'not a report either');
  const r = gongkai(folder);
  assert.equal(r.code, 1, r.stderr);
  const order = ['a-clean.json', 'b-sub/clean-2023.json', 'c-seed.txt'].map((f) =>
    r.stdout.indexOf(join(folder, f)),
  );
  assert.ok(
    order.every((at) => at >= 0),
    r.stdout,
  );
  assert.deepEqual(
    [...order].sort((x, y) => x - y),
    order,
    'in name order',
  );
  assert.match(r.stdout, /共检查3份报告，1份有错误/);
  assert.doesNotMatch(r.stdout, /hidden|notes\.xlsx/);
});

test('check ZIP: its report files are checked, named inside the archive; an empty folder says so', () => {
  const zip = join(dir, 'reports.zip');
  writeFileSync(
    zip,
    zipSync({
      'seed.txt': new Uint8Array(readFileSync(seedText)),
      'clean.json': strToU8(JSON.stringify(reportToJson(cleanReport()))),
    }),
  );
  const empty = join(dir, 'empty-folder');
  mkdirSync(empty, { recursive: true });
  const r = gongkai(zip, empty);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    r.stdout,
    /reports\.zip\/seed\.txt：灵山卫街道办事处2021年度报告（2021年格式），有错误（错误5项/,
  );
  assert.match(
    r.stdout,
    /reports\.zip\/clean\.json：示例街道办事处2022年度报告（2021年格式），无问题/,
  );
  assert.match(r.stdout, /empty-folder：无法读取。文件夹中没有可检查的报告文件/);
});
