// paginate: a page of rows and the total under the same filters, on both databases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { paginate } from './paginate.js';

test(`pages and counts under the same filter; a page past the end shows the last (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const days = Array.from({ length: 25 }, (_, i) => ({
      date: `2031-01-${String(i + 1).padStart(2, '0')}`,
      kind: i % 2 === 0 ? 'holiday' : 'workday',
      name: null,
      updated_at: '2024-01-01T00:00:00.000Z',
    }));
    await db.kysely.insertInto('calendar_days').values(days).execute();
    const holidays = db.kysely
      .selectFrom('calendar_days')
      .select(['date', 'kind'])
      .where('date', '>=', '2031-01-01')
      .where('kind', '=', 'holiday')
      .orderBy('date', 'desc');

    const first = await paginate(db.kysely, holidays, { page: 1, pageSize: 5 });
    assert.deepEqual([first.total, first.page, first.pageCount], [13, 1, 3]);
    assert.deepEqual(
      first.rows.map((r) => r.date),
      ['2031-01-25', '2031-01-23', '2031-01-21', '2031-01-19', '2031-01-17'],
    );
    const last = await paginate(db.kysely, holidays, { page: 3, pageSize: 5 });
    assert.deepEqual(
      last.rows.map((r) => r.date),
      ['2031-01-05', '2031-01-03', '2031-01-01'],
    );
    const beyond = await paginate(db.kysely, holidays, { page: 99, pageSize: 5 });
    assert.deepEqual([beyond.page, beyond.rows.length], [3, 3]);

    const none = await paginate(db.kysely, holidays.where('name', '=', 'nothing'), {
      page: 2,
      pageSize: 5,
    });
    assert.deepEqual([none.total, none.page, none.pageCount, none.rows], [0, 1, 1, []]);
  } finally {
    await db.destroy();
  }
});
