// The step forms, read: what each step takes from the posted strings, and what it says when
// something is missing or wrong — table-driven.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStepForm, type StepValues } from './step-forms.js';
import type { CaseActionType } from '../case.js';

const TODAY = '2026-12-01';

const REFUSED: Array<[CaseActionType, StepValues, Record<string, RegExp>]> = [
  [
    'request_correction',
    { date: '2026-12-01', deadline: '', items: '' },
    { deadline: /请填写补正期限/, items: /请填写需要补正的事项/ },
  ],
  ['request_correction', { date: '2026-13-01', deadline: '2026-12-10', items: 'x' }, { date: /./ }],
  [
    'send_consultation',
    { date: TODAY, party: 'agency', extract: 'x' },
    { partyName: /被征求意见的机关/ },
  ],
  ['send_fee_notice', { date: TODAY, paymentMethod: '窗口' }, { method: /一种/ }],
  [
    'send_fee_notice',
    { date: TODAY, method: 'per_page', pages: '0', paymentMethod: '窗口' },
    { pages: /正整数/ },
  ],
  [
    'send_fee_notice',
    { date: TODAY, method: 'per_page', pages: '1.5', paymentMethod: '窗口' },
    { pages: /正整数/ },
  ],
  ['request_extension', { date: TODAY }, { reason: /请填写延期理由/ }],
  [
    'draft_reply',
    { outcome: 'nonsense', reasons: 'x', reconsiderationBody: 'a', court: 'b' },
    { outcome: /请选择一项办理结果/ },
  ],
  [
    'draft_reply',
    { outcome: 'disclosed', reasons: 'x', reconsiderationBody: 'a', court: 'b' },
    { provision: /提供方式/ },
  ],
  [
    'draft_reply',
    { outcome: 'other.other', reasons: 'x', reconsiderationBody: 'a', court: 'b' },
    { legalBasis: /没有对应的条款/ },
  ],
  [
    'draft_reply',
    {
      outcome: 'withheld.state_secret',
      reasons: 'x'.repeat(2001),
      reconsiderationBody: 'a',
      court: 'b',
    },
    { reasons: /不能超过2000字/ },
  ],
  ['transfer', { date: TODAY, outcome: 'unavailable.not_held' }, { note: /转送的机关或者渠道/ }],
  ['return_draft', {}, { note: /退回意见/ }],
];

for (const [type, values, expected] of REFUSED) {
  test(`${type} refused: ${Object.keys(expected).join(', ')}`, () => {
    const r = parseStepForm(type, values, TODAY);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(Object.keys(r.errors).sort(), Object.keys(expected).sort());
    for (const [field, message] of Object.entries(expected))
      assert.match(r.errors[field] ?? '', message);
  });
}

test('a correction: items one per non-empty line, the deadline in the action', () => {
  const r = parseStepForm(
    'request_correction',
    { date: TODAY, deadline: '2026-12-15', items: ' 一\r\n\n二 ' },
    TODAY,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.step.action, {
    type: 'request_correction',
    date: TODAY,
    deadline: '2026-12-15',
  });
  assert.deepEqual(r.step.data.items, ['一', '二']);
});

test('a reply without a written legal ground cites the articles of its outcome', () => {
  const r = parseStepForm(
    'draft_reply',
    {
      outcome: 'partially_disclosed',
      reasons: '理由',
      provision: '邮寄',
      reconsiderationBody: 'a',
      court: 'b',
    },
    TODAY,
  );
  assert.ok(r.ok);
  assert.equal(r.step.data.legalBasis, '《中华人民共和国政府信息公开条例》第三十七条');
  assert.deepEqual(r.step.action, {
    type: 'draft_reply',
    outcome: 'partially_disclosed',
    reasons: '理由',
  });
});

test('one fee method: per page carries its pages, per application none', () => {
  const page = parseStepForm(
    'send_fee_notice',
    { date: TODAY, method: 'per_page', pages: '120', paymentMethod: '窗口' },
    TODAY,
  );
  assert.ok(page.ok);
  assert.equal(page.step.data.pages, 120);
  const each = parseStepForm(
    'send_fee_notice',
    { date: TODAY, method: 'per_application', pages: '120', paymentMethod: '窗口' },
    TODAY,
  );
  assert.ok(each.ok);
  assert.equal(each.step.data.pages, null);
});
