import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = join(root, 'test/fixtures/reports/seed-2021-lingshanwei.txt');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function gongkai(...args: string[]) {
  const res = spawnSync(process.execPath, [join(root, 'bin/gongkai.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('gongkai render', () => {
  it('writes the JSON of a published text report to standard output', () => {
    const res = gongkai('render', seed, '--to', 'json', '--force');
    assert.equal(res.code, 0, res.stderr);
    const json = JSON.parse(res.stdout);
    assert.equal(json.format, '2021');
    assert.equal(json.year, 2021);
    assert.equal(json.tables.requests.received.natural_person, 8);
    assert.equal(json.tables.review.reconsideration.total, 2);
    // What the parser had to guess is said, in Chinese, on standard error.
    assert.match(res.stderr, /^提示：/m);
  });

  it('writes HTML and CSV to standard output, the CSV with its byte-order mark', () => {
    const html = gongkai('render', seed, '--to', 'html', '--force');
    assert.equal(html.code, 0);
    assert.ok(html.stdout.startsWith('<!doctype html>'));
    assert.match(html.stdout, /<h2[^>]*>三、收到和处理政府信息公开申请情况<\/h2>/);
    const csv = gongkai('render', seed, '--to', 'CSV', '--force');
    assert.equal(csv.code, 0);
    assert.ok(csv.stdout.startsWith('\uFEFFtable,row,column,value'));
    assert.match(csv.stdout, /\r\nrequests,outcome_total,natural_person,9,/);
  });

  it('writes a .docx file with -o and says so', () => {
    const out = join(dir, '年度报告.docx');
    const res = gongkai('render', seed, '--to', 'docx', '-o', out, '--force');
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /已生成Word 文档（\.docx）：/);
    const bytes = readFileSync(out);
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]);
    assert.ok(bytes.length > 5000);
  });

  it('refuses a report with error findings: lists them, writes nothing, exits 1 unless --force', () => {
    const out = join(dir, 'refused.json');
    const res = gongkai('render', seed, '--to', 'json', '-o', out);
    assert.equal(res.code, 1);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /^错误：缺少第六部分|^错误：.*六、其他需要报告的事项/m);
    assert.match(res.stderr, /^错误：表三“自然人”列/m);
    assert.match(res.stderr, /报告中有5处错误（见上），未生成文件.*--force/);
    assert.throws(() => readFileSync(out), /ENOENT/);
    const forced = gongkai('render', seed, '--to', 'json', '-o', out, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /^错误：/m);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).year, 2021);
  });

  it('refuses a .docx to the terminal, in Chinese, with exit code 2', () => {
    const res = gongkai('render', seed, '--to', 'docx');
    assert.equal(res.code, 2);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /请用 -o 指定输出文件/);
  });

  it('rejects an unknown format with exit code 2', () => {
    const res = gongkai('render', seed, '--to', 'pdf');
    assert.equal(res.code, 2);
    assert.match(res.stderr, /不支持的输出格式“pdf”.*html、docx、json、csv/);
  });

  it('says in Chinese when the file is missing or is not a report, with exit code 2', () => {
    const missing = gongkai('render', join(dir, 'nope.txt'), '--to', 'json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /无法读取文件“.*nope\.txt”：文件不存在/);

    const notReport = join(dir, 'notes.txt');
    writeFileSync(notReport, '会议纪要\n今天讨论了食堂菜单。\n');
    const bad = gongkai('render', notReport, '--to', 'html');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /无法读取年度报告“.*notes\.txt”：/);
    assert.ok(!/at .*\.ts:\d+/.test(bad.stderr), 'no stack trace');

    const unwritable = gongkai(
      'render',
      seed,
      '--to',
      'json',
      '-o',
      join(dir, 'no-such-dir', 'x.json'),
      '--force',
    );
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /无法写入文件.*所在的文件夹不存在/);
  });
});
