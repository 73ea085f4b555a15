// The agency's re-check rhythm on the console's 清查 page: the reviewer sets it (a form the
// other roles neither see nor may post), a bad value is refused in Chinese with nothing
// changed, and the page's note follows the rhythm and the schedule's next round.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { startPeriodicRechecks } from '../../src/publications/recheck-job.js';
import { createTestApp, type TestApp } from '../support/app.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const RECHECKS = '/console/publications/rechecks';
const RHYTHM = `${RECHECKS}/rhythm`;

/** The rhythm form's checked choice ('' when none or no form), and the schedule note. */
function read(html: string) {
  const page = parse(html);
  const form = page.querySelector(`form[action="${RHYTHM}"]`);
  return {
    form: form !== null,
    checked: form?.querySelector('input[name="rhythm"][checked]')?.getAttribute('value') ?? '',
    note: page.querySelector('#recheck-schedule')?.textContent ?? '',
    text: text(html),
  };
}

describe('the agency’s re-check rhythm in the console', () => {
  let t: TestApp;
  before(async () => {
    // 10:00 on 10 February 2022 in Beijing; the demo agency has 7 published items.
    t = await createTestApp({ demo: true, now: '2022-02-10T02:00:00.000Z' });
  });
  after(() => t.close());

  const stored = async () =>
    (
      await t.db.kysely
        .selectFrom('agencies')
        .select('recheck_rhythm')
        .where('id', '=', t.demo?.agency.id ?? '')
        .executeTakeFirstOrThrow()
    ).recheck_rhythm;
  const events = () =>
    t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_label', 'before_json', 'after_json'])
      .where('action', '=', 'publication.recheck.rhythm')
      .execute();

  test('staff without the permission see the rhythm but no form, and their post is refused', async () => {
    const handler = await t.signIn('lsw-handler');
    const page = read(await (await handler.get(RECHECKS)).text());
    assert.equal(page.form, false);
    assert.match(page.note, /^本机关清查周期：每年。每年1月1日起，系统自动为本机关发起当年度清查/);
    assert.match(
      page.note,
      /2022年度尚未发起清查，系统将在一小时内自动发起2022年度已公开信息清查。$/,
    );
    const refused = await handler.post(RHYTHM, { rhythm: 'quarterly' });
    assert.equal(refused.status, 403);
    assert.equal(await stored(), 'yearly');
    assert.deepEqual(await events(), []);
  });

  test('a value that is no rhythm is refused in Chinese, naming what was sent; nothing changes', async () => {
    const reviewer = await t.signIn('lsw-reviewer');
    const before = read(await (await reviewer.get(RECHECKS)).text());
    assert.equal(before.form, true);
    assert.equal(before.checked, 'yearly');

    const bad = await reviewer.post(RHYTHM, { rhythm: 'monthly' });
    assert.equal(bad.status, 400);
    const page = read(await bad.text());
    assert.match(page.text, /“monthly”不是可选的清查周期，请在每季度、每半年、每年、不定期中选择/);
    // What was sent is kept: no choice of the four stands in for it.
    assert.equal(page.form, true);
    assert.equal(page.checked, '');
    const none = await reviewer.post(RHYTHM, {});
    assert.equal(none.status, 400);
    assert.match(text(await none.text()), /请选择清查周期（每季度、每半年、每年、不定期）/);
    assert.equal(await stored(), 'yearly');
    assert.deepEqual(await events(), []);
  });

  test('the reviewer chooses 每季度: stored with its event, and the note gives the next quarter once this one’s round has started', async () => {
    const reviewer = await t.signIn('lsw-reviewer');
    await reviewer.get(RECHECKS);
    const saved = await reviewer.post(RHYTHM, { rhythm: 'quarterly' });
    assert.equal(saved.status, 303);
    const location = saved.headers.get('location') ?? '';
    assert.equal(location.split('?')[0], RECHECKS);
    const page = read(await (await reviewer.get(location)).text());
    assert.match(page.text, /已保存清查周期。/);
    assert.equal(page.checked, 'quarterly');
    assert.match(
      page.note,
      /^本机关清查周期：每季度。每季度首日（1月1日、4月1日、7月1日、10月1日）起/,
    );
    assert.match(page.note, /2022年第一季度尚未发起清查/);
    assert.equal(await stored(), 'quarterly');
    const [event, ...more] = await events();
    assert.deepEqual(more, []);
    assert.equal(event?.actor_label, '演示保密审查员（lsw-reviewer）');
    assert.deepEqual(JSON.parse(event.before_json ?? 'null'), { rhythm: '每年' });
    assert.deepEqual(JSON.parse(event.after_json ?? 'null'), { rhythm: '每季度' });

    const run = await startPeriodicRechecks(t.deps);
    assert.deepEqual(
      run.started.map((s) => s.period),
      ['2022-Q1'],
    );
    const after = read(await (await reviewer.get(RECHECKS)).text());
    assert.match(
      after.note,
      /2022年第一季度已发起过清查；下一次自动清查：2022年4月1日起（2022年第二季度已公开信息清查）。$/,
    );
    assert.match(after.text, /2022年第一季度已公开信息清查/);

    // The same choice again changes nothing and records nothing.
    const same = await reviewer.post(RHYTHM, { rhythm: 'quarterly' });
    assert.equal(same.status, 303);
    assert.match(
      text(await (await reviewer.get(same.headers.get('location') ?? '')).text()),
      /清查周期未改变。/,
    );
    assert.equal((await events()).length, 1);
  });

  test('不定期: the note says no round starts by itself, and none does', async () => {
    const reviewer = await t.signIn('lsw-reviewer');
    await reviewer.get(RECHECKS);
    assert.equal((await reviewer.post(RHYTHM, { rhythm: 'irregular' })).status, 303);
    const page = read(await (await reviewer.get(RECHECKS)).text());
    assert.equal(page.checked, 'irregular');
    assert.equal(
      page.note,
      '本机关清查周期：不定期。系统不自动发起清查，由保密审查员在本页根据需要手动发起。',
    );
    t.clock.set('2022-04-01T00:00:00.000Z');
    assert.deepEqual((await startPeriodicRechecks(t.deps)).started, []);
  });
});
