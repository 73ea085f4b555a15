// Spawns the real `gongkai` command against a test database (SQLite file or PostgreSQL schema).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const notice2026 = fileURLToPath(new URL('../calendar/fixtures/notice-2026.txt', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function gongkai(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/gongkai.js', ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe(`gongkai calendar (${testDialect})`, () => {
  let db: TestDb;
  let dir: string;
  before(async () => {
    db = await createTestDb({ migrate: false }); // the command migrates by itself
    dir = mkdtempSync(join(tmpdir(), 'gongkai-cal-cli-'));
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('due: 20 working days from 2024-09-27 end on 2024-10-30', async () => {
    const run = await gongkai(
      db.env,
      'calendar',
      'due',
      '--from',
      '2024-09-27',
      '--working-days',
      '20',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '2024-10-30\n');
  });

  test('due beyond the loaded years is marked provisional', async () => {
    const run = await gongkai(
      db.env,
      'calendar',
      'due',
      '--from',
      '2026-12-24',
      '--working-days',
      '20',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '2027-01-21 provisional\n');
  });

  test('malformed date or number: Chinese message, non-zero exit, no stack trace', async () => {
    for (const args of [
      ['--from', '2024-02-30', '--working-days', '20'],
      ['--from', '2024/09/27', '--working-days', '20'],
      ['--from', '2024-09-27', '--working-days', '二十'],
      ['--from', '2024-09-27', '--working-days', '-1'],
    ]) {
      const run = await gongkai(db.env, 'calendar', 'due', ...args);
      assert.notEqual(run.code, 0, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /[\u4e00-\u9fff]/, 'message in Chinese');
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('import --dry-run prints the days and stores nothing; import stores with audit', async () => {
    const dry = await gongkai(db.env, 'calendar', 'import', notice2026, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    const lines = dry.stdout.trim().split('\n');
    assert.equal(lines.length, 39);
    assert.equal(lines[0], '2026-01-01 holiday');
    assert.ok(lines.includes('2026-01-04 workday'));
    assert.ok(lines.every((l) => /^\d{4}-\d{2}-\d{2} (holiday|workday)$/.test(l)));
    const eventsAfterDry = await db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('subject_type', '=', 'calendar')
      .execute();
    assert.equal(eventsAfterDry.length, 0);

    // A notice for a year not yet loaded, stored for real.
    const file = join(dir, 'notice-2027.txt');
    writeFileSync(
      file,
      '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n',
    );
    const before = await gongkai(
      db.env,
      'calendar',
      'due',
      '--from',
      '2026-12-31',
      '--working-days',
      '1',
    );
    assert.equal(before.stdout, '2027-01-01 provisional\n');
    const run = await gongkai(db.env, 'calendar', 'import', file);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '2027-01-01 holiday\n2027-01-02 holiday\n2027-01-03 holiday\n');
    const events = await db.kysely
      .selectFrom('audit_events')
      .select(['subject_id', 'action'])
      .where('subject_type', '=', 'calendar')
      .execute();
    assert.deepEqual(events, [{ subject_id: '2027', action: 'calendar.import' }]);
    const afterImport = await gongkai(
      db.env,
      'calendar',
      'due',
      '--from',
      '2026-12-31',
      '--working-days',
      '1',
    );
    assert.equal(afterImport.stdout, '2027-01-04\n');
  });

  test('import of a missing or unreadable file fails in Chinese', async () => {
    const missing = await gongkai(db.env, 'calendar', 'import', join(dir, 'nope.txt'));
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /找不到文件/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '今天天气很好。');
    const nothing = await gongkai(db.env, 'calendar', 'import', empty);
    assert.notEqual(nothing.code, 0);
    assert.match(nothing.stderr, /没有找到通知的年份/);
    assert.match(nothing.stderr, /没有从 .* 读到任何放假或上班日期/);
  });
});
