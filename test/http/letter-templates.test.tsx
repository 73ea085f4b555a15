// Letter templates in the console: office heads edit their agency's templates with a
// preview, unknown placeholders are named where they are, every save is a new version,
// reset stores the default again, and other agencies are unaffected.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { DEFAULT_TEMPLATES } from '../../src/letters/default-templates.js';
import { LETTER_CSS_HREF } from '../../src/letters/letter-style.js';
import { TEMPLATE_PARTS } from '../../src/letters/template.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

const PATH = '/console/letters/templates';
const text = (el: HTMLElement | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The form fields of the editor page, as a browser would post them back. */
function formOf(root: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of root.querySelectorAll(
    'form[aria-label="模板内容"] input, form[aria-label="模板内容"] textarea',
  )) {
    const name = el.getAttribute('name');
    if (!name || name === '_csrf') continue;
    out[name] = el.tagName === 'TEXTAREA' ? el.textContent : (el.getAttribute('value') ?? '');
  }
  return out;
}

describe('letter templates in the console', () => {
  let t: TestApp;
  let head: TestClient;
  before(async () => {
    t = await createTestApp({ demo: true });
    head = await t.signIn('lsw-head');
  });
  after(() => t.close());

  test('the list shows every kind on the default, and says e-mail delivery is off without SMTP', async () => {
    const res = await head.get(PATH);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    const rows = root.querySelectorAll('tbody tr');
    assert.equal(rows.length, 12);
    assert.match(text(rows[0]), /^受理回执系统默认模板/);
    assert.match(
      text(root.querySelector('main')),
      /未配置邮件服务（SMTP_URL、MAIL_FROM），电子邮件送达已关闭/,
    );
    assert.ok(root.querySelector('nav a[href="/console/letters/templates"]'), 'in the navigation');
  });

  test('the editor shows the current template and a preview in the letter stylesheet', async () => {
    const res = await head.get(`${PATH}/reply_unavailable`);
    assert.equal(res.status, 200);
    const root = parse(await res.text());
    assert.equal(
      root.querySelector('textarea[name="body"]')!.textContent,
      DEFAULT_TEMPLATES.reply_unavailable.body,
    );
    assert.ok(root.querySelector(`link[href="${LETTER_CSS_HREF}"]`));
    const preview = text(root.querySelector('.letter-sheet'));
    assert.match(preview, /^灵山卫街道办事处政府信息公开申请答复告知书/);
    assert.match(preview, /依申答〔\d{4}〕1号/);
    assert.match(preview, /60日内向青岛市黄岛区人民政府申请行政复议/);
    assert.doesNotMatch(preview, /\{/);
    // A kind that does not exist is a 404.
    assert.equal((await head.get(`${PATH}/nonsense`)).status, 404);
    const css = await t.client().get(LETTER_CSS_HREF);
    assert.equal(css.status, 200);
    assert.match(await css.text(), /@page \{ size: A4/);
    assert.match(css.headers.get('cache-control')!, /immutable/);
    // A letter stored under an older stylesheet still gets one (today's, cached briefly).
    const old = await t.client().get('/static/letters/letter.000000000000.css');
    assert.equal(old.status, 200);
    assert.equal(old.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal((await t.client().get('/static/letters/other.css')).status, 404);
  });

  test('an unknown placeholder is named with its line, the typed text is kept and nothing is saved', async () => {
    const form = formOf(parse(await (await head.get(`${PATH}/receipt`)).text()));
    const body = `${form.body}\n请于{答复日期}前领取。<script>alert(1)</script>`;
    for (const action of [`${PATH}/receipt/preview`, `${PATH}/receipt`]) {
      const res = await head.post(action, { ...form, body, note: '加一句' });
      assert.equal(res.status, 400);
      const html = await res.text();
      const root = parse(html);
      const summary = text(root.querySelector('.error-summary'));
      assert.match(
        summary,
        /正文第4行第3个字处的占位符\{答复日期\}不存在，受理回执可用的占位符有：.*\{答复期限\}/,
      );
      assert.equal(
        root
          .querySelector('textarea[name="body"]')!
          .textContent.replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
        body,
      );
      assert.doesNotMatch(html, /<script>alert/);
      assert.equal(root.querySelector('input[name="note"]')!.getAttribute('value'), '加一句');
      assert.equal(
        root.querySelector('.letter-sheet'),
        null,
        'no preview of a template that cannot render',
      );
    }
    const versions = await t.db.kysely.selectFrom('letter_templates').select('id').execute();
    assert.equal(versions.length, 0);
  });

  test('a missing required placeholder is refused', async () => {
    const form = formOf(parse(await (await head.get(`${PATH}/fee_notice`)).text()));
    const res = await head.post(`${PATH}/fee_notice`, {
      ...form,
      body: form.body!.replace('{收费金额}', '若干'),
    });
    assert.equal(res.status, 400);
    assert.match(
      text(parse(await res.text()).querySelector('.error-summary')),
      /模板缺少必需的占位符\{收费金额\}/,
    );
  });

  test('preview shows the unsaved text; save makes version 1 with its audit event; history and reset', async () => {
    const form = formOf(parse(await (await head.get(`${PATH}/receipt`)).text()));
    const body = form.body!.replace('您可以凭申请编号', '您可以凭申请编号（{申请编号}）');
    const preview = await head.post(`${PATH}/receipt/preview`, { ...form, body });
    assert.equal(preview.status, 200);
    const previewRoot = parse(await preview.text());
    assert.match(text(previewRoot.querySelector('.letter-preview h2')), /预览（尚未保存）/);
    assert.match(
      text(previewRoot.querySelector('.letter-sheet')),
      /您可以凭申请编号（YSQ2024-000123）/,
    );

    const saved = await head.post(`${PATH}/receipt`, { ...form, body, note: '注明申请编号' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${PATH}/receipt?saved=1`);
    const after = parse(await (await head.get(`${PATH}/receipt?saved=1`)).text());
    assert.match(text(after.querySelector('[role=status]')), /已保存为新版本/);
    assert.match(text(after.querySelector('main')), /当前使用：第1版/);

    // A second save from the page opened before the first one is refused, not lost silently.
    const stale = await head.post(`${PATH}/receipt`, {
      ...form,
      body: `${body}\n补一句。`,
      note: '',
    });
    assert.equal(stale.status, 400);
    assert.match(
      text(parse(await stale.text()).querySelector('.error-summary')),
      /已被他人保存为第1版（您打开的是第0版）/,
    );

    const reset = await head.post(`${PATH}/receipt/reset`, { baseVersion: '1' });
    assert.equal(reset.status, 303);
    const rows = await t.db.kysely
      .selectFrom('letter_templates')
      .select(['version', 'is_default', 'content_json', 'note'])
      .where('kind', '=', 'receipt')
      .orderBy('version')
      .execute();
    assert.deepEqual(
      rows.map((r) => [Number(r.version), Number(r.is_default), r.note]),
      [
        [1, 0, '注明申请编号'],
        [2, 1, '恢复默认模板'],
      ],
    );
    assert.equal(JSON.parse(rows[0]!.content_json).body, body, 'version 1 is kept as saved');
    assert.deepEqual(Object.keys(JSON.parse(rows[1]!.content_json)), [...TEMPLATE_PARTS]);

    const history = parse(await (await head.get(`${PATH}/receipt/versions`)).text());
    const cells = history.querySelectorAll('tbody tr').map((r) => text(r));
    assert.match(cells[0]!, /^第2版（恢复默认）.*演示负责人（lsw-head）恢复默认模板/);
    assert.match(cells[1]!, /^第1版.*注明申请编号/);
    assert.match(cells[2]!, /^系统默认模板（第0版）/);
    const v1 = await head.get(`${PATH}/receipt/versions/1`);
    assert.equal(v1.status, 200);
    assert.match(
      text(parse(await v1.text()).querySelector('.letter-sheet')),
      /您可以凭申请编号（YSQ2024-000123）/,
    );
    assert.equal((await head.get(`${PATH}/receipt/versions/9`)).status, 404);

    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('subject_type', '=', 'letter_template')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['letter.template.save', 'letter.template.reset'],
    );
    assert.ok(events.every((e) => e.actor_label.includes('lsw-head')));
  });

  test('templates belong to the agency: another agency still uses the default', async () => {
    const platform = await t.signIn('hd-platform');
    const root = parse(await (await platform.get(`${PATH}/receipt`)).text());
    assert.match(text(root.querySelector('main')), /当前使用：系统默认模板/);
    assert.match(text(root.querySelector('.letter-sheet')), /青岛市黄岛区/);
  });

  test('a handler may not open or change templates', async () => {
    const handler = await t.signIn('lsw-handler');
    assert.equal((await handler.get(PATH)).status, 403);
    assert.equal((await handler.post(`${PATH}/receipt/reset`, { baseVersion: '2' })).status, 403);
  });
});
