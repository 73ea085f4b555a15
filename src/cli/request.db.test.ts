// `gongkai request clock` with a database: the calendar is the database's, so a year an
// administrator loaded is no longer provisional.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { saveCalendar } from '../calendar/calendar-service.js';
import { systemClock } from '../db/time.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe(`gongkai request clock on the database calendar (${testDialect})`, () => {
  let db: TestDb;
  let dir: string;
  before(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-request-db-'));
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  function clock(events: unknown) {
    const file = join(dir, 'events.json');
    writeFileSync(file, JSON.stringify(events));
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/gongkai.js'), 'request', 'clock', file],
      {
        encoding: 'utf8',
        cwd: dir,
        env: { ...process.env, ...db.env },
      },
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test('a year loaded into the database counts its holidays and is not provisional', async () => {
    const events = [{ type: 'received', date: '2026-12-24' }];
    const before = clock(events);
    assert.equal(before.code, 0, before.stderr);
    assert.match(before.stdout, /\ndue 2027-01-21 provisional\n$/);

    const saved = await saveCalendar(
      { db, clock: systemClock },
      { id: null, label: '测试' },
      {
        years: [2027],
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-01-02', kind: 'holiday', name: '元旦' },
          { date: '2027-01-03', kind: 'holiday', name: '元旦' },
        ],
        source: '测试用2027年节假日安排',
      },
    );
    assert.ok(saved.ok);
    const after = clock(events);
    assert.equal(after.code, 0, after.stderr);
    // 2027-01-01 (a Friday) is now a holiday: one day later, and final.
    assert.match(after.stdout, /2027-01-01 至 2027-01-03 法定节假日（元旦），不计/);
    assert.match(after.stdout, /\ndue 2027-01-22\n$/);
  });
});
