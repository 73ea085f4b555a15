// The working-day calendar in the console (administrators) and the due-date API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../src/calendar/fixtures/${name}`, import.meta.url), 'utf8');

function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A table row as its cells' texts joined by one space. */
function rowText(row: HTMLElement | undefined): string {
  return (row?.querySelectorAll('td, th') ?? []).map((cell) => text(cell)).join(' ');
}

async function html(res: Response): Promise<HTMLElement> {
  return parse(await res.text());
}

/** Posts a multipart form (with the session's CSRF token), as a browser does for uploads. */
function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string | File>,
  csrf = true,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (csrf) form.append('_csrf', client.csrfToken);
  return client.fetch(path, { method: 'POST', body: form });
}

describe('console calendar page', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-11-20T02:00:00.000Z' });
    // The calendar is national: its platform administrator (top of the demo tree) changes it.
    admin = await t.signIn('hd-platform');
  });
  after(() => t.close());

  test('visitors are sent to sign in; other roles get 403', async () => {
    const visitor = await t.client().get('/console/calendar');
    assert.equal(visitor.status, 303);
    assert.match(visitor.headers.get('location') ?? '', /^\/console\/login/);
    const handler = await t.signIn('lsw-handler');
    assert.equal((await handler.get('/console/calendar')).status, 403);
    const post = await handler.post('/console/calendar/day', {
      date: '2026-10-10',
      kind: 'holiday',
    });
    assert.equal(post.status, 403);
  });

  test('shows the loaded years and the current year, with labelled forms', async () => {
    const res = await admin.get('/console/calendar');
    assert.equal(res.status, 200);
    const root = await html(res);
    assert.equal(text(root.querySelector('h1')), '工作日历');
    const years = root.querySelectorAll('section[aria-labelledby="years-title"] tbody tr');
    assert.equal(years.length, 23);
    assert.match(rowText(years[0]), /^2026年 系统内置/);
    assert.match(text(root.querySelector('#days-title')), /2026年/);
    const shown = root
      .querySelectorAll('section[aria-labelledby="days-title"] tbody tr')
      .map(rowText);
    assert.equal(shown.length, 39);
    assert.ok(shown.includes('2026-10-10（星期六） 调休上班 国庆节'));
    for (const id of ['field-text', 'field-file', 'field-date', 'field-name', 'year-select']) {
      assert.ok(root.querySelector(`label[for="${id}"]`), `label for ${id}`);
    }
    assert.ok(root.querySelector('.console-nav a[href="/console/calendar"][aria-current="page"]'));
  });

  test('paste a notice → preview with warnings → confirm → saved with audit', async () => {
    const notice = fixture('notice-2024.txt');
    const preview = await postMultipart(admin, '/console/calendar/preview', { text: notice });
    assert.equal(preview.status, 200);
    const root = await html(preview);
    assert.equal(text(root.querySelector('h1')), '核对节假日安排');
    const rows = root.querySelectorAll('table.data tbody tr');
    assert.equal(rows.length, 36);
    assert.equal(rowText(rows[0]), '2024-01-01（星期一） 放假 元旦');
    assert.ok(rows.some((r) => rowText(r) === '2024-10-12（星期六） 调休上班 国庆节'));
    assert.match(text(root.querySelector('section[aria-labelledby="warnings-title"]')), /2月9日/);
    assert.match(text(root.querySelector('.notice.warn')), /2024年已经载入/);
    // The notice says exactly what the seed holds for 2024.
    assert.match(text(root.querySelector('main')), /与现有记录完全相同/);

    // Nothing is stored by the preview.
    const beforeSave = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('subject_type', '=', 'calendar')
      .execute();
    assert.equal(beforeSave.length, 0);

    const payload = root.querySelector('input[name="payload"]')?.getAttribute('value') ?? '';
    const save = await admin.post('/console/calendar/save', { payload, fileName: '' });
    assert.equal(save.status, 303);
    assert.equal(save.headers.get('location'), '/console/calendar?saved=2024');
    const done = await html(await admin.get('/console/calendar?saved=2024'));
    assert.match(text(done.querySelector('[role="status"]')), /已保存2024年的节假日安排/);

    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select(['subject_id', 'actor_label', 'action'])
      .where('subject_type', '=', 'calendar')
      .execute();
    assert.deepEqual(events, [
      {
        subject_id: '2024',
        actor_label: '演示平台管理员（hd-platform）',
        action: 'calendar.import',
      },
    ]);
    const year = await t.db.kysely
      .selectFrom('calendar_years')
      .select('source')
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow();
    assert.equal(year.source, '国务院办公厅关于2024年部分节假日安排的通知');
  });

  test('upload an ICS file for a new year; the due-date API stops being provisional', async () => {
    const before = await (
      await t.client().get('/api/v1/calendar/due?from=2027-01-29&workingDays=1')
    ).json();
    assert.deepEqual(before, { due: '2027-02-01', provisional: true });
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270201',
      'DTEND;VALUE=DATE:20270203',
      'SUMMARY:春节(休)',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const file = new File([ics], '2027.ics', { type: 'text/calendar' });
    const preview = await postMultipart(admin, '/console/calendar/preview', { text: '', file });
    assert.equal(preview.status, 200);
    const root = await html(preview);
    assert.match(
      text(root.querySelector('.lead')),
      /文件“2027.ics”（ICS 日历）读到2027年：放假2天，调休上班0天/,
    );
    assert.match(
      text(root.querySelector('section[aria-labelledby="changes-title"]')),
      /新增2天，改变0天，删除0天/,
    );
    const save = await admin.post('/console/calendar/save', {
      payload: root.querySelector('input[name="payload"]')?.getAttribute('value') ?? '',
      fileName: '2027.ics',
    });
    assert.equal(save.status, 303);
    const after = await (
      await t.client().get('/api/v1/calendar/due?from=2027-01-29&workingDays=1')
    ).json();
    assert.deepEqual(after, { due: '2027-02-03', provisional: false });
  });

  test('import errors are shown next to the field, with the typed text kept', async () => {
    const typed = '今年元旦放假三天';
    const res = await postMultipart(admin, '/console/calendar/preview', { text: typed });
    assert.equal(res.status, 400);
    const root = await html(res);
    assert.match(text(root.querySelector('#field-text-error')), /没有读到任何放假或上班日期.*年份/);
    assert.equal(root.querySelector('#field-text')?.getAttribute('aria-invalid'), 'true');
    assert.equal(text(root.querySelector('#field-text')), typed);
    assert.ok(root.querySelector('.error-summary a[href="#field-text"]'));

    const empty = await postMultipart(admin, '/console/calendar/preview', { text: '  ' });
    assert.equal(empty.status, 400);
    assert.match(text((await html(empty)).querySelector('#field-text-error')), /请粘贴通知全文/);
  });

  test('an upload over the size limit gets a clear Chinese message', async () => {
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41)], 'big.txt', {
      type: 'text/plain',
    });
    const res = await postMultipart(admin, '/console/calendar/preview', { text: '', file: big });
    assert.equal(res.status, 413);
    assert.match(text((await html(res)).querySelector('#field-file-error')), /超过 2 MB/);
    const huge = new File([new Uint8Array(7 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' });
    const res2 = await postMultipart(admin, '/console/calendar/preview', { text: '', file: huge });
    assert.equal(res2.status, 413);
    assert.match(await res2.text(), /上传的内容超过 2 MB/);
  });

  test('correct a single day; bad input keeps the typed values', async () => {
    const bad = await admin.post('/console/calendar/day', {
      date: '2026-02-30',
      kind: 'holiday',
      name: '测试节',
    });
    assert.equal(bad.status, 400);
    const root = await html(bad);
    assert.match(text(root.querySelector('#field-date-error')), /2026年2月只有28天/);
    assert.equal(root.querySelector('#field-date')?.getAttribute('value'), '2026-02-30');
    assert.equal(root.querySelector('#field-name')?.getAttribute('value'), '测试节');
    assert.ok(root.querySelector('#field-kind-0[checked]'), 'the chosen kind stays chosen');

    const noKind = await admin.post('/console/calendar/day', { date: '2026-03-02' });
    assert.equal(noKind.status, 400);
    assert.match(text((await html(noKind)).querySelector('#field-kind-error')), /请选择/);

    const ok = await admin.post('/console/calendar/day', {
      date: '2026-03-02',
      kind: 'holiday',
      name: '临时调整',
    });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /^\/console\/calendar\?corrected=2026-03-02/);
    const due = await (
      await t.client().get('/api/v1/calendar/due?from=2026-02-28&workingDays=1')
    ).json();
    assert.deepEqual(due, { due: '2026-03-03', provisional: false });
    const event = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('subject_type', '=', 'calendar_day')
      .where('subject_id', '=', '2026-03-02')
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'calendar.day.correct');
    assert.match(event.after_json ?? '', /临时调整/);
  });

  test('posts without the CSRF token are refused', async () => {
    const res = await admin.post(
      '/console/calendar/day',
      { date: '2026-03-03', kind: 'holiday' },
      { csrf: false },
    );
    assert.equal(res.status, 403);
    const up = await postMultipart(
      admin,
      '/console/calendar/preview',
      { text: fixture('notice-2026.txt') },
      false,
    );
    assert.equal(up.status, 403);
  });
});

describe('GET /api/v1/calendar/due', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('20 working days from 2024-09-27 end on 2024-10-30', async () => {
    const res = await t.client().get('/api/v1/calendar/due?from=2024-09-27&workingDays=20');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { due: '2024-10-30', provisional: false });
  });

  test('beyond the loaded years the answer is provisional', async () => {
    const res = await t.client().get('/api/v1/calendar/due?from=2026-12-24&workingDays=20');
    assert.deepEqual(await res.json(), { due: '2027-01-21', provisional: true });
  });

  test('bad input: 400 with a Chinese message', async () => {
    const cases: Array<[string, RegExp]> = [
      ['from=2024-02-30&workingDays=20', /2024年2月只有29天/],
      ['from=2024-9-27&workingDays=20', /格式不对/],
      ['from=2024-09-27&workingDays=abc', /工作日数「abc」无效/],
      ['from=2024-09-27&workingDays=99999', /工作日数/],
      ['workingDays=20', /请填写起算日期/],
      ['from=2024-09-27', /请填写工作日数/],
    ];
    for (const [query, message] of cases) {
      const res = await t.client().get(`/api/v1/calendar/due?${query}`);
      assert.equal(res.status, 400, query);
      const body = (await res.json()) as { error: { status: number; message: string } };
      assert.equal(body.error.status, 400);
      assert.match(body.error.message, message);
    }
  });

  test('is described in the OpenAPI document', async () => {
    const doc = (await (await t.client().get('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths['/api/v1/calendar/due']?.get;
    assert.ok(op);
    assert.deepEqual(
      op.parameters?.map((p) => p.name),
      ['from', 'workingDays'],
    );
    assert.ok(doc.components.schemas.DueDate);
  });
});

describe('the preview lists what saving would change', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-11-20T02:00:00.000Z' });
    // The calendar is national: its platform administrator (top of the demo tree) changes it.
    admin = await t.signIn('hd-platform');
  });
  after(() => t.close());

  test('a changed and a dropped day of an already loaded year are listed', async () => {
    await admin.get('/console/calendar');
    // 2026-03-02 wrongly stored as a holiday; 2026-10-10 corrected to a plain Saturday.
    assert.equal(
      (
        await admin.post('/console/calendar/day', {
          date: '2026-03-02',
          kind: 'holiday',
          name: '误录',
        })
      ).status,
      303,
    );
    assert.equal(
      (await admin.post('/console/calendar/day', { date: '2026-10-10', kind: 'normal' })).status,
      303,
    );
    const res = await postMultipart(admin, '/console/calendar/preview', {
      text: fixture('notice-2026.txt'),
    });
    assert.equal(res.status, 200);
    const changes = text(
      (await html(res)).querySelector('section[aria-labelledby="changes-title"]'),
    );
    assert.match(changes, /新增1天，改变0天，删除1天/);
    assert.match(changes, /2026-03-02（星期一）：删除“放假（误录）”/);
  });
});
