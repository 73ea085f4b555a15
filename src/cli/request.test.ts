// `gongkai request clock` as a user runs it, where no database exists yet: the calendar is
// the one shipped with every new database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-request-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function clock(content: string | null, name = 'events.json') {
  const path = join(dir, name);
  if (content !== null) writeFileSync(path, content);
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [join(root, 'bin/gongkai.js'), 'request', 'clock', path], {
    encoding: 'utf8',
    cwd: dir,
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const events = (...pairs: Array<[string, string]>) =>
  JSON.stringify(pairs.map(([type, date]) => ({ type, date })));

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)!;
}

test('request clock: explanation, then exactly one due line at the end', () => {
  const r = clock(events(['received', '2024-09-27']));
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], '2024-09-27（星期五） 收到申请之日（第三十一条）；当日不计入答复期限');
  assert.ok(lines.includes('2024-10-01 至 2024-10-07 法定节假日（国庆节），不计'));
  assert.ok(lines.includes('2024-10-12（星期六） 第7个工作日：调休上班（国庆节）'));
  assert.equal(lines.at(-1), 'due 2024-10-30');
  assert.equal(lines.filter((l) => l.startsWith('due ')).length, 1);
  assert.equal(existsSync(join(dir, 'data')), false, 'no database is created just to ask');
});

test('request clock: correction, consultation and extension', () => {
  const r = clock(
    events(
      ['received', '2024-09-20'],
      ['correction_requested', '2024-09-24'],
      ['corrected', '2024-10-09'],
      ['consultation_sent', '2024-10-10'],
      ['consultation_answered', '2024-10-18'],
      ['extended', '2024-10-25'],
    ),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /答复期限重新起算/);
  assert.match(r.stdout, /征求意见期间，不计入答复期限/);
  assert.equal(lastLine(r.stdout), 'due 2024-12-12');
});

test('request clock: beyond the loaded years the due line says provisional', () => {
  const r = clock(events(['received', '2026-12-24']));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(lastLine(r.stdout), 'due 2027-01-21 provisional');
  assert.match(r.stdout, /2027年的节假日安排尚未载入/);
});

test('request clock: while awaiting the correction there is no due date yet', () => {
  const r = clock(events(['received', '2024-09-23'], ['correction_requested', '2024-09-25']));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(lastLine(r.stdout), 'due none');
});

test('request clock: an invalid file gets a Chinese message and exit 2', () => {
  const bad: Array<[string | null, RegExp]> = [
    [null, /找不到文件/],
    ['[{"type": "received", "date": "2024-09-27"', /不是有效的 JSON/],
    ['{"type": "received"}', /事件列表应为 JSON 数组/],
    ['[{"type": "opened", "date": "2024-09-27"}]', /类型「opened」无效/],
    [events(['received', '2024-02-30']), /2024年2月只有29天/],
    [
      events(['received', '2024-09-27'], ['extended', '2024-10-31']),
      /延期答复应在原答复期限届满前批准/,
    ],
    [
      events(['received', '2024-09-27'], ['extended', '2024-10-08'], ['extended', '2024-10-09']),
      /延期答复只能申请一次/,
    ],
  ];
  for (const [i, [content, message]] of bad.entries()) {
    const r = clock(content, `bad-${i}.json`);
    assert.equal(r.code, 2, `${content}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});
