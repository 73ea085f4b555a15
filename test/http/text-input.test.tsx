// Control characters, bidirectional controls and invisible-only values on every form that
// takes text: each comes back as the form with a Chinese message naming the field and the
// typed values kept, nothing is stored, and no input — here or at random — gives a 5xx.
// Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL (which refuses NUL in text).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { parse, type HTMLElement } from 'node-html-parser';
import { textProblem } from '../../src/validation/text-input.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const CONTAINS = '不能包含控制字符或不可见字符';
const BLANK = '不能只由空格或不可见字符组成';

/** [what, value, which message]: each is refused by every text field. */
const BAD: [string, string, string][] = [
  ['NUL', '灵山\u0000卫', CONTAINS],
  ['U+0001', '\u0001灵山卫', CONTAINS],
  ['DEL', '灵山卫\u007f', CONTAINS],
  ['C1 next line', '灵山\u0085卫', CONTAINS],
  ['right-to-left override', '灵山卫\u202egnp', CONTAINS],
  ['first strong isolate', '灵山\u2068卫', CONTAINS],
  ['zero-width spaces inside', '灵山\u200b\u200b卫', CONTAINS],
  ['100 zero-width spaces', '\u200b'.repeat(100), BLANK],
  ['zero-width and ideographic spaces', '\u200b \u3000', BLANK],
];

const NEW_AGENCY = {
  fullName: '灵山卫街道东岳路社区居民委员会',
  shortName: '东岳路社区',
  slug: 'dongyuelu',
  code: '00001333-8',
  level: 'township',
  kind: 'government',
  officeName: '社区办公室',
  officeAddress: '灵岩路77号',
  officeHours: '工作日 9:00—17:00',
  officePhone: '0532-8000000',
  officeFax: '',
  officeEmail: '',
  officeWebsite: '',
};

/** The agency form's text fields and the name their messages use. */
const AGENCY_TEXT_FIELDS: [keyof typeof NEW_AGENCY, string][] = [
  ['fullName', '机关全称'],
  ['shortName', '机关简称'],
  ['slug', '网址标识'],
  ['code', '机关代码'],
  ['officeName', '工作机构名称'],
  ['officeAddress', '办公地址'],
  ['officeHours', '办公时间'],
  ['officePhone', '联系电话'],
  ['officeFax', '传真'],
  ['officeEmail', '电子邮箱'],
  ['officeWebsite', '网址'],
];

async function page(res: Response): Promise<HTMLElement> {
  return parse(await res.text());
}

const value = (root: HTMLElement, name: string) =>
  root.querySelector(`#field-${name}`)?.getAttribute('value');
const errorOf = (root: HTMLElement, name: string) =>
  (root.querySelector(`#field-${name}-error`)?.textContent ?? '').replace('错误：', '');

/** Asserts a 400 form page whose field `name` says `label` + `message`. */
async function assertFieldError(res: Response, name: string, label: string, message: string) {
  assert.equal(res.status, 400, `${name}: status`);
  const root = await page(res);
  assert.ok(
    errorOf(root, name).startsWith(`${label}${message}`),
    `${name}: ${errorOf(root, name) || '(no error under the field)'}`,
  );
  assert.ok(root.querySelector('.error-summary'), `${name}: the error summary lists it`);
  return root;
}

async function count(t: TestApp, table: 'agencies' | 'accounts' | 'audit_events') {
  const r = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('text fields refuse control, bidirectional and invisible characters', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-11-20T02:00:00.000Z' });
    admin = await t.signIn('lsw-admin');
  });
  after(() => t.close());

  test('agency creation: every text field, every bad value; typed values kept, nothing stored', async () => {
    const agencies = await count(t, 'agencies');
    const events = await count(t, 'audit_events');
    for (const [field, label] of AGENCY_TEXT_FIELDS) {
      for (const [what, bad, message] of BAD) {
        const res = await admin.post('/console/agencies', {
          ...NEW_AGENCY,
          parentId: t.demo!.agency.id,
          [field]: bad,
        });
        const root = await assertFieldError(res, field, label, message);
        assert.equal(value(root, field), bad, `${field} ${what}: the typed value is kept`);
        const other = field === 'fullName' ? 'shortName' : 'fullName';
        assert.equal(value(root, other), NEW_AGENCY[other], `${field} ${what}: others kept`);
      }
    }
    assert.equal(await count(t, 'agencies'), agencies);
    assert.equal(await count(t, 'audit_events'), events);
  });

  test('a NUL in the chosen parent is a form error, not a database error', async () => {
    const res = await admin.post('/console/agencies', { ...NEW_AGENCY, parentId: 'x\u0000' });
    await assertFieldError(res, 'parentId', '上级机关', CONTAINS);
  });

  test('agency edit: bad values are refused and the stored agency is unchanged', async () => {
    const id = t.demo!.agency.id;
    const before = await t.db.kysely
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const events = await count(t, 'audit_events');
    const current = {
      ...NEW_AGENCY,
      parentId: before.parent_id ?? '',
      fullName: before.full_name,
      shortName: before.short_name,
      slug: before.slug,
      code: before.code,
    };
    for (const [field, label] of AGENCY_TEXT_FIELDS) {
      for (const [, bad, message] of BAD) {
        const res = await admin.post(`/console/agencies/${id}`, { ...current, [field]: bad });
        const root = await assertFieldError(res, field, label, message);
        assert.equal(value(root, field), bad);
      }
    }
    const after = await t.db.kysely
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, before);
    assert.equal(await count(t, 'audit_events'), events);
  });

  test('account creation: username, name and password; typed values kept, nothing stored', async () => {
    const accounts = await count(t, 'accounts');
    const events = await count(t, 'audit_events');
    const good = {
      username: 'zhao.liu',
      displayName: '赵六',
      agencyId: t.demo!.agency.id,
      roles: ['handler'],
      password: 'a-good-pass-1',
    };
    for (const [field, label] of [
      ['username', '用户名'],
      ['displayName', '姓名'],
    ] as const) {
      for (const [what, bad, message] of BAD) {
        const res = await admin.post('/console/accounts', { ...good, [field]: bad });
        const root = await assertFieldError(res, field, label, message);
        assert.equal(value(root, field), bad, `${field} ${what}`);
        const other = field === 'username' ? 'displayName' : 'username';
        assert.equal(value(root, other), good[other]);
      }
    }
    for (const [bad, message] of [
      ['gongkai\u0000demo', CONTAINS],
      ['gongkai\u202edemo-1', CONTAINS],
      ['\u200b'.repeat(12), BLANK],
    ] as const) {
      const res = await admin.post('/console/accounts', { ...good, password: bad });
      const root = await assertFieldError(res, 'password', '密码', message);
      assert.equal(value(root, 'password'), undefined, 'a password is never echoed');
      assert.equal(value(root, 'username'), 'zhao.liu');
    }
    assert.equal(await count(t, 'accounts'), accounts);
    assert.equal(await count(t, 'audit_events'), events);
  });

  test('account edit: a new password with control or invisible characters is refused', async () => {
    const id = t.demo!.accounts['lsw-handler'] ?? '';
    const hash = async () =>
      (
        await t.db.kysely
          .selectFrom('accounts')
          .select('password_hash')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const before = await hash();
    for (const [bad, message] of [
      ['gongkai\u0000demo', CONTAINS],
      ['gongkai\u2066demo-1', CONTAINS],
      ['\u2060'.repeat(12), BLANK],
    ] as const) {
      const res = await admin.post(`/console/accounts/${id}/password`, { password: bad });
      await assertFieldError(res, 'password', '密码', message);
    }
    assert.equal(await hash(), before);
  });

  test('calendar day edit: the holiday name; date and kind kept, no day stored', async () => {
    // The calendar is national: the platform administrator changes it.
    const platform = await t.signIn('hd-platform');
    const events = await count(t, 'audit_events');
    for (const [, bad, message] of BAD) {
      const res = await platform.post('/console/calendar/day', {
        date: '2027-03-08',
        kind: 'holiday',
        name: bad,
      });
      const root = await assertFieldError(res, 'name', '节日名称', message);
      assert.equal(value(root, 'name'), bad);
      assert.equal(value(root, 'date'), '2027-03-08');
      assert.ok(root.querySelector('#field-kind-0[checked]'));
    }
    const day = await t.db.kysely
      .selectFrom('calendar_days')
      .selectAll()
      .where('date', '=', '2027-03-08')
      .executeTakeFirst();
    assert.equal(day, undefined);
    assert.equal(await count(t, 'audit_events'), events);
  });

  test('calendar import: a pasted notice with a control character, a file whose names carry one', async () => {
    // The calendar is national: the platform administrator changes it.
    const platform = await t.signIn('hd-platform');
    const pasted = await platform.post('/console/calendar/preview', {
      text: '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日放假\u0000，共1天。',
    });
    await assertFieldError(pasted, 'text', '通知全文', CONTAINS);
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20271001',
      'DTEND;VALUE=DATE:20271002',
      'SUMMARY:国庆\u202e节(休)',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const form = new FormData();
    form.append('text', '');
    form.append('file', new File([ics], 'holidays.ics', { type: 'text/calendar' }));
    form.append('_csrf', platform.csrfToken);
    const uploaded = await platform.fetch('/console/calendar/preview', {
      method: 'POST',
      body: form,
    });
    const root = await assertFieldError(uploaded, 'file', '2027-10-01 的节日名称', CONTAINS);
    assert.match(errorOf(root, 'file'), /请修改通知或文件后重新导入$/);
    // The confirmation step checks the file name it is sent back as well.
    const save = await platform.post('/console/calendar/save', {
      payload: Buffer.from('x').toString('base64'),
      fileName: 'a\u0000.ics',
    });
    await assertFieldError(save, 'file', '文件名', CONTAINS);
    assert.equal(
      await t.db.kysely
        .selectFrom('calendar_years')
        .select('year')
        .where('year', '=', 2027)
        .executeTakeFirst(),
      undefined,
    );
  });

  test('sign-in: a bad username is a form error naming the field, the typed name kept; no 500', async () => {
    const events = await count(t, 'audit_events');
    for (const [, bad, message] of BAD) {
      const visitor = t.client();
      await visitor.get('/console/login');
      const res = await visitor.post('/console/login', { username: bad, password: 'gongkai-demo' });
      assert.equal(res.status, 400);
      const root = await page(res);
      assert.ok(
        (root.querySelector('.error-summary')?.textContent ?? '').includes(`用户名${message}`),
      );
      assert.equal(value(root, 'username'), bad.trim().toLowerCase());
    }
    // Refused before the throttle or the audit log: nothing to record for a name no account has.
    assert.equal(await count(t, 'audit_events'), events);
    const throttled = await t.db.kysely.selectFrom('login_throttle').select('key').execute();
    assert.ok(throttled.every((r) => textProblem(r.key, 'key') === null));
  });

  test('sign-in: a password with a NUL is an ordinary failed sign-in', async () => {
    const visitor = t.client();
    await visitor.get('/console/login');
    const res = await visitor.post('/console/login', {
      username: 'lsw-handler',
      password: 'gongkai\u0000demo',
    });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /用户名或密码不正确/);
  });

  test('a control character in a URL path is page-not-found, in a query a Chinese 400', async () => {
    for (const path of [
      '/agencies/%00',
      '/agencies/lingshanwei%00/guide',
      `/console/agencies/${t.demo!.agency.id}%00/edit`,
      '/console/accounts/%E2%80%AE',
    ]) {
      const res = await admin.get(path);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /您访问的页面不存在/);
    }
    const api = await t.client().get('/api/v1/agencies/%00');
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { status: number } }).error.status, 404);
    for (const path of [
      '/console/audit?subjectType=account&subjectId=%00',
      '/console/audit?chain=%0A',
      '/console/calendar?year=2026%00',
      '/api/v1/calendar/due?from=2024-09-27%00&workingDays=20',
    ]) {
      const res = await admin.get(path);
      assert.equal(res.status, 400, path);
      assert.match(await res.text(), /网址中的参数含有控制字符/);
    }
    // Ordinary percent-encoded text still works.
    assert.equal(
      (await admin.get('/console/audit?subjectType=account&subjectId=%E7%81%B5')).status,
      200,
    );
  });

  test('a return path with a control character after sign-in falls back to the console', async () => {
    const visitor = t.client();
    await visitor.get('/console/login');
    const res = await visitor.post('/console/login', {
      username: 'lsw-handler',
      password: 'gongkai-demo',
      next: '/console/agencies\u0000',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console');
  });
});

describe('random text on every form never gives a 5xx', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true, now: '2026-11-20T02:00:00.000Z' });
    admin = await t.signIn('lsw-admin');
  });
  after(() => t.close());

  // Printable text mixed with the characters that broke things: C0, DEL, C1, bidirectional
  // controls, zero-width and other invisible characters, line breaks, and any code point.
  const nasty = fc
    .array(
      fc.oneof(
        fc.constantFrom('灵', '山', '卫', 'a', 'Z', '0', '-', '.', ' ', '\u3000', '📢'),
        fc.constant('\u0000'),
        fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
        fc.constantFrom(
          '\u061c',
          '\u200b',
          '\u200c',
          '\u200d',
          '\u200e',
          '\u200f',
          '\u202a',
          '\u202e',
          '\u2060',
          '\u2066',
          '\u2069',
          '\u2028',
          '\ufeff',
          '\ud800',
        ),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.join(''));

  /** A 5xx never; a 400 only as the form page with its error summary. */
  async function assertHandled(res: Response, what: string) {
    assert.ok(res.status < 500, `${what}: ${res.status}`);
    if (res.status === 400)
      assert.ok((await page(res)).querySelector('.error-summary'), `${what}: a form page`);
  }

  /** What was stored may hold none of the refused characters. */
  function assertClean(stored: string | null | undefined, what: string) {
    if (stored) assert.equal(textProblem(stored, what), null, `${what} stored: ${stored}`);
  }

  test('agency creation and edit', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (fullName, shortName, address) => {
        n += 1;
        const res = await admin.post('/console/agencies', {
          ...NEW_AGENCY,
          parentId: t.demo!.agency.id,
          slug: `fc-${n}`,
          fullName,
          shortName,
          officeAddress: address,
        });
        await assertHandled(res, 'create');
        const edit = await admin.post(`/console/agencies/${t.demo!.agency.id}`, {
          ...NEW_AGENCY,
          parentId: t.demo!.parent.id,
          slug: 'lingshanwei',
          code: '11370211D00000021X',
          fullName: shortName,
          shortName: fullName,
        });
        await assertHandled(edit, 'edit');
      }),
      { numRuns: 60 },
    );
    for (const a of await t.db.kysely.selectFrom('agencies').selectAll().execute()) {
      assertClean(a.full_name, 'full_name');
      assertClean(a.short_name, 'short_name');
      assertClean(a.office_address, 'office_address');
    }
  });

  test('account creation', async () => {
    let n = 0;
    await fc.assert(
      // Often a well-formed username and password, so that the other values reach the database.
      fc.asyncProperty(
        fc.option(nasty),
        nasty,
        fc.option(nasty),
        async (username, displayName, password) => {
          n += 1;
          const res = await admin.post('/console/accounts', {
            username: username ?? `fc.user${n}`,
            displayName,
            agencyId: t.demo!.agency.id,
            roles: ['handler'],
            password: password ?? 'a-good-pass-1',
          });
          await assertHandled(res, 'account');
        },
      ),
      { numRuns: 60 },
    );
    for (const a of await t.db.kysely.selectFrom('accounts').selectAll().execute()) {
      assertClean(a.username, 'username');
      assertClean(a.display_name, 'display_name');
    }
  });

  test('calendar day names', async () => {
    // The calendar is national: the platform administrator changes it.
    const platform = await t.signIn('hd-platform');
    await fc.assert(
      fc.asyncProperty(nasty, async (name) => {
        const res = await platform.post('/console/calendar/day', {
          date: '2027-03-09',
          kind: 'holiday',
          name,
        });
        await assertHandled(res, 'day');
      }),
      { numRuns: 60 },
    );
    for (const d of await t.db.kysely.selectFrom('calendar_days').selectAll().execute())
      assertClean(d.name, 'calendar name');
  });

  test('sign-in', async () => {
    const visitor = t.client();
    await visitor.get('/console/login');
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (username, password, next) => {
        const res = await visitor.post('/console/login', { username, password, next });
        // 401 (wrong), 429 (throttled) or the form error; a 400 is a form page. (Fewer runs:
        // each well-formed name costs a full-strength hash against the dummy.)
        await assertHandled(res, 'sign-in');
      }),
      { numRuns: 30 },
    );
  });

  test('URLs', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (segment, query) => {
        const s = encodeURIComponent(segment.replace(/[\ud800-\udfff]/g, ''));
        const q = encodeURIComponent(query.replace(/[\ud800-\udfff]/g, ''));
        for (const path of [
          `/agencies/${s}`,
          `/api/v1/agencies/${s}`,
          `/console/agencies/${s}/edit`,
          `/console/accounts/${s}`,
          `/console/audit?subjectType=account&subjectId=${q}`,
        ]) {
          const res = await admin.get(path);
          assert.ok(res.status < 500, `${path}: ${res.status}`);
        }
      }),
      { numRuns: 40 },
    );
  });
});
