import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { readNoticeText } from './notice-reader.js';
import {
  computeDueDate,
  correctDay,
  daysOfYear,
  loadedYears,
  loadWorkingCalendar,
  parseDueQuestion,
  saveCalendar,
} from './calendar-service.js';
import { isWorkingDay } from './working-days.js';
import type { Result } from '../commands/result.js';

const clock = fixedClock('2026-11-20T02:00:00.000Z');
const admin = { id: null, label: '测试管理员' };
const notice2026 = readFileSync(new URL('./fixtures/notice-2026.txt', import.meta.url), 'utf8');

/** The Chinese message a refused change returns (it must be refused). */
async function refusal(result: Promise<Result<unknown>>): Promise<string> {
  const r = await result;
  assert.equal(r.ok, false, 'the change should have been refused');
  return r.ok ? '' : Object.values(r.errors).join('；');
}

async function auditRows(db: TestDb, subjectType: string) {
  return db.kysely
    .selectFrom('audit_events')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .orderBy('seq')
    .execute();
}

describe(`calendar service (${testDialect})`, () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => {
    await db.destroy();
  });

  test('every migrated database holds the official calendar 2004–2026', async () => {
    const years = await loadedYears({ db });
    assert.deepEqual(
      years.map((y) => y.year),
      Array.from({ length: 23 }, (_, i) => 2004 + i),
    );
    const cal = await loadWorkingCalendar({ db });
    assert.deepEqual(isWorkingDay(cal, '2024-10-12'), { working: true, provisional: false });
    assert.deepEqual(await computeDueDate({ db }, '2024-09-27', 20), {
      date: '2024-10-30',
      provisional: false,
    });
    assert.equal((await computeDueDate({ db }, '2026-12-24', 20)).provisional, true);
  });

  test('saving a notice replaces that year, marks it loaded and writes one audit event', async () => {
    // A wrong day left over in 2026 must disappear when the year is saved again.
    await correctDay({ db, clock }, admin, { date: '2026-03-02', kind: 'holiday', name: '误录' });
    const read = readNoticeText(notice2026);
    await saveCalendar({ db, clock }, admin, {
      years: read.years,
      days: read.days,
      source: '国办发明电〔2025〕7号',
    });

    const days = await daysOfYear({ db }, 2026);
    assert.deepEqual(days, read.days);
    const year = (await loadedYears({ db })).find((y) => y.year === 2026);
    assert.equal(year?.source, '国办发明电〔2025〕7号');
    assert.equal(year?.loadedAt, '2026-11-20T02:00:00.000Z');

    const events = await auditRows(db, 'calendar');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.subject_id, '2026');
    assert.equal(events[0]?.action, 'calendar.import');
    assert.equal(events[0]?.chain_id, 'system');
    assert.equal(events[0]?.actor_label, '测试管理员');
    assert.match(events[0]?.before_json ?? '', /误录/);
  });

  test('a new year becomes loaded: its due dates stop being provisional', async () => {
    assert.equal((await computeDueDate({ db }, '2027-09-27', 20)).provisional, true);
    await saveCalendar({ db, clock }, admin, {
      years: [2027],
      source: '测试',
      days: [
        { date: '2026-12-31', kind: 'holiday', name: '元旦' }, // outside the year: added on its own
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
    const due = await computeDueDate({ db }, '2027-09-29', 2);
    assert.deepEqual(due, { date: '2027-10-04', provisional: false });
    const cal = await loadWorkingCalendar({ db });
    assert.equal(isWorkingDay(cal, '2026-12-31').working, false);
  });

  test('correcting a day, and putting it back to the weekly rule, each audited', async () => {
    await correctDay({ db, clock }, admin, { date: '2027-10-09', kind: 'workday', name: '国庆节' });
    let cal = await loadWorkingCalendar({ db });
    assert.equal(isWorkingDay(cal, '2027-10-09').working, true);
    await correctDay({ db, clock }, admin, { date: '2027-10-09', kind: 'normal', name: null });
    cal = await loadWorkingCalendar({ db });
    assert.equal(isWorkingDay(cal, '2027-10-09').working, false);
    const events = (await auditRows(db, 'calendar_day')).filter(
      (e) => e.subject_id === '2027-10-09',
    );
    assert.equal(events.length, 2);
    assert.equal(events[1]?.after_json, 'null'); // back to the weekly rule: no entry any more
    assert.match(events[1]?.before_json ?? '', /workday/);
  });

  test('bad input is refused in Chinese and changes nothing', async () => {
    const countBefore = (await db.kysely.selectFrom('audit_events').select('seq').execute()).length;
    assert.match(
      await refusal(
        correctDay({ db, clock }, admin, { date: '2027-02-30', kind: 'holiday', name: null }),
      ),
      /2月只有28天/,
    );
    assert.match(
      await refusal(saveCalendar({ db, clock }, admin, { years: [], days: [], source: 'x' })),
      /没有可以保存的年份/,
    );
    assert.match(
      await refusal(
        saveCalendar({ db, clock }, admin, {
          years: [2028],
          days: [{ date: '2027-05-01', kind: 'holiday', name: null }],
          source: 'x',
        }),
      ),
      /没有读到2028年/,
    );
    // Names come from the pasted notice or the file: a NUL (which PostgreSQL refuses), a
    // direction override or a blank of zero-width spaces is refused before anything is written.
    for (const name of ['国庆\u0000节', '国庆\u202E节', '\u200B'.repeat(100)]) {
      assert.match(
        await refusal(
          saveCalendar({ db, clock }, admin, {
            years: [2028],
            days: [{ date: '2028-10-02', kind: 'holiday', name }],
            source: 'x',
          }),
        ),
        /^2028-10-02 的节日名称不能(包含控制字符或不可见字符（第 3 个字符），请修改通知或文件后重新导入|只由空格或不可见字符组成)$/,
      );
      assert.match(
        await refusal(
          correctDay({ db, clock }, admin, { date: '2028-10-02', kind: 'holiday', name }),
        ),
        /^节日名称不能/,
      );
    }
    assert.match(
      await refusal(
        saveCalendar({ db, clock }, admin, {
          years: [2028],
          days: [{ date: '2028-10-02', kind: 'holiday', name: '国庆节' }],
          source: '文件 a\u0000.ics',
        }),
      ),
      /来源（通知标题或文件名）不能包含控制字符或不可见字符（第 5 个字符），请重命名文件后重新导入/,
    );
    assert.deepEqual(await daysOfYear({ db }, 2028), []);
    assert.equal(
      (await db.kysely.selectFrom('audit_events').select('seq').execute()).length,
      countBefore,
    );
    assert.ok(!(await loadedYears({ db })).some((y) => y.year === 2028));
  });

  test('a failing audit append rolls the change back', async () => {
    // Drop the audit table's head so appendAuditEvent fails inside the transaction.
    await db.kysely.schema.alterTable('audit_heads').renameTo('audit_heads_away').execute();
    try {
      await assert.rejects(
        correctDay({ db, clock }, admin, { date: '2027-03-01', kind: 'holiday', name: '测试' }),
      );
    } finally {
      await db.kysely.schema.alterTable('audit_heads_away').renameTo('audit_heads').execute();
    }
    const cal = await loadWorkingCalendar({ db });
    assert.equal(isWorkingDay(cal, '2027-03-01').working, true);
  });

  test('due-date questions are validated in Chinese', () => {
    assert.deepEqual(parseDueQuestion('2024-09-27', '20'), { from: '2024-09-27', workingDays: 20 });
    assert.throws(() => parseDueQuestion('2024-02-30', '20'), /起算日期「2024-02-30」不存在/);
    assert.throws(() => parseDueQuestion('2024-09-27', '-3'), /工作日数「-3」无效/);
    assert.throws(() => parseDueQuestion('2024-09-27', 'abc'), /工作日数/);
    assert.throws(() => parseDueQuestion(undefined, '20'), /请填写起算日期/);
  });
});
