import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { officialSeed } from '../calendar/seed.js';
import { createCalendar } from '../calendar/working-days.js';
import { FORMAT_2021 } from '../reports/format/index.js';
import {
  APPLICANT_CATEGORIES,
  APPLICANT_CATEGORY_LABELS,
  availableActions,
  CASE_STATES,
  newCase,
  TRANSITIONS,
  transition,
  type ActorFacts,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type RequestCase,
  type TransitionContext,
} from './case.js';

const seed = officialSeed();
const calendar = createCalendar({ days: seed.days, loadedYears: seed.years });

const HEAD: ActorFacts = { permissions: ['console.view', 'request.handle', 'request.approve'] };
const HANDLER: ActorFacts = { permissions: ['console.view', 'request.handle'] };
const APPLICANT: ActorFacts = { permissions: [], applicant: true };
const REVIEWER: ActorFacts = { permissions: ['console.view', 'publication.review'] };

const TODAY = '2024-11-29';
const ctx = (actor: ActorFacts = HEAD, today = TODAY): TransitionContext => ({
  actor,
  today,
  calendar,
});

function step(c: RequestCase, action: CaseAction, context = ctx()): RequestCase {
  const r = transition(c, action, context);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.error}`);
  return r.case;
}

// One case in every state, each reached through the transition function itself.
// Received on 2024-09-27: the correction window ends 2024-10-12, the reply is due 2024-10-30.
const submitted = newCase({ category: 'natural_person', channel: 'online' });
const registered = step(submitted, { type: 'confirm_receipt', date: '2024-09-27' });
const correctionRequested = step(registered, {
  type: 'request_correction',
  date: '2024-09-30',
  deadline: '2024-10-15',
});
const inProgress = step(registered, { type: 'start_handling' });
const consulting = step(inProgress, {
  type: 'send_consultation',
  date: '2024-10-08',
  party: 'third_party',
});
const feePending = step(inProgress, { type: 'send_fee_notice', date: '2024-10-08' });
const replyDrafted = step(inProgress, {
  type: 'draft_reply',
  outcome: 'partially_disclosed',
  reasons: '部分内容涉及第三方个人信息，已作区分处理。',
});
const replyApproved = step(replyDrafted, { type: 'approve_reply' });
const closed = step(replyApproved, { type: 'send_reply', date: '2024-10-10' });

const IN_STATE: Record<CaseState, RequestCase> = {
  submitted,
  registered,
  correction_requested: correctionRequested,
  in_progress: inProgress,
  consulting,
  fee_pending: feePending,
  reply_drafted: replyDrafted,
  reply_approved: replyApproved,
  closed,
};

/** A step that passes every guard from each state it is allowed in (fee due 2024-11-04). */
const VALID: Record<CaseActionType, CaseAction> = {
  confirm_receipt: { type: 'confirm_receipt', date: '2024-09-27' },
  request_correction: { type: 'request_correction', date: '2024-09-30', deadline: '2024-10-15' },
  record_correction: { type: 'record_correction', date: '2024-10-09' },
  lapse_correction: { type: 'lapse_correction', date: '2024-10-16' },
  start_handling: { type: 'start_handling' },
  send_consultation: { type: 'send_consultation', date: '2024-10-09', party: 'agency' },
  record_consultation_answer: { type: 'record_consultation_answer', date: '2024-10-14' },
  send_fee_notice: { type: 'send_fee_notice', date: '2024-10-09' },
  record_fee_payment: { type: 'record_fee_payment', date: '2024-10-14' },
  lapse_fee: { type: 'lapse_fee', date: '2024-11-05' },
  request_extension: { type: 'request_extension', date: '2024-10-09' },
  approve_extension: { type: 'approve_extension', date: '2024-10-09' },
  refuse_extension: { type: 'refuse_extension', date: '2024-10-09' },
  draft_reply: { type: 'draft_reply', outcome: 'disclosed', reasons: '所申请信息已主动公开。' },
  return_draft: { type: 'return_draft' },
  approve_reply: { type: 'approve_reply' },
  send_reply: { type: 'send_reply', date: '2024-10-10' },
  answer_on_spot: {
    type: 'answer_on_spot',
    date: '2024-09-27',
    outcome: 'disclosed',
    reasons: '当场提供。',
  },
  withdraw: { type: 'withdraw', date: '2024-10-14' },
  transfer: { type: 'transfer', date: '2024-10-09', outcome: 'unavailable.not_held' },
};

// The law's table, written out independently of TRANSITIONS: [from, step, to].
const ALLOWED: Array<[CaseState, CaseActionType, CaseState]> = [
  ['submitted', 'confirm_receipt', 'registered'],
  ['registered', 'request_correction', 'correction_requested'],
  ['registered', 'start_handling', 'in_progress'],
  ['registered', 'request_extension', 'registered'],
  ['registered', 'approve_extension', 'registered'],
  ['registered', 'refuse_extension', 'registered'],
  ['registered', 'answer_on_spot', 'closed'],
  ['registered', 'withdraw', 'closed'],
  ['registered', 'transfer', 'closed'],
  ['correction_requested', 'record_correction', 'in_progress'],
  ['correction_requested', 'lapse_correction', 'closed'],
  ['correction_requested', 'withdraw', 'closed'],
  ['in_progress', 'send_consultation', 'consulting'],
  ['in_progress', 'send_fee_notice', 'fee_pending'],
  ['in_progress', 'request_extension', 'in_progress'],
  ['in_progress', 'approve_extension', 'in_progress'],
  ['in_progress', 'refuse_extension', 'in_progress'],
  ['in_progress', 'draft_reply', 'reply_drafted'],
  ['in_progress', 'withdraw', 'closed'],
  ['in_progress', 'transfer', 'closed'],
  ['consulting', 'record_consultation_answer', 'in_progress'],
  ['consulting', 'request_extension', 'consulting'],
  ['consulting', 'approve_extension', 'consulting'],
  ['consulting', 'refuse_extension', 'consulting'],
  ['consulting', 'withdraw', 'closed'],
  ['fee_pending', 'record_fee_payment', 'in_progress'],
  ['fee_pending', 'lapse_fee', 'closed'],
  ['fee_pending', 'request_extension', 'fee_pending'],
  ['fee_pending', 'approve_extension', 'fee_pending'],
  ['fee_pending', 'refuse_extension', 'fee_pending'],
  ['fee_pending', 'withdraw', 'closed'],
  ['reply_drafted', 'approve_reply', 'reply_approved'],
  ['reply_drafted', 'return_draft', 'in_progress'],
  ['reply_drafted', 'request_extension', 'reply_drafted'],
  ['reply_drafted', 'approve_extension', 'reply_drafted'],
  ['reply_drafted', 'refuse_extension', 'reply_drafted'],
  ['reply_drafted', 'withdraw', 'closed'],
  ['reply_approved', 'send_reply', 'closed'],
  ['reply_approved', 'withdraw', 'closed'],
];

describe('every state × every step: allowed exactly as the table says', () => {
  const actions = Object.keys(VALID) as CaseActionType[];
  test('the fixture reaches every state', () => {
    for (const state of CASE_STATES) assert.equal(IN_STATE[state].state, state);
  });
  test('TRANSITIONS covers the same pairs as the written-out table', () => {
    const fromTable = new Set(actions.flatMap((a) => TRANSITIONS[a].from.map((s) => `${s} ${a}`)));
    assert.deepEqual(fromTable, new Set(ALLOWED.map(([s, a]) => `${s} ${a}`)));
  });
  for (const state of CASE_STATES) {
    for (const action of actions) {
      const allowed = ALLOWED.find(([s, a]) => s === state && a === action);
      test(`${state} --${action}--> ${allowed ? allowed[2] : 'refused'}`, () => {
        // A refusal decides a pending request: the fixture has one for that step.
        const from =
          action === 'refuse_extension'
            ? { ...IN_STATE[state], extensionRequested: true }
            : IN_STATE[state];
        const r = transition(from, VALID[action], ctx());
        if (allowed) {
          assert.ok(r.ok, r.ok ? '' : r.error);
          assert.equal(r.to, allowed[2]);
          assert.equal(r.case.state, allowed[2]);
        } else {
          assert.equal(r.ok, false);
          assert.match(
            r.ok ? '' : r.error,
            state === 'closed' ? /^案件已办结，不能/ : /^案件当前状态为“.+”，不能/,
          );
        }
      });
    }
  }
});

function refused(r: ReturnType<typeof transition>, message: RegExp): void {
  assert.equal(r.ok, false, 'expected a refusal');
  if (!r.ok) assert.match(r.error, message);
}

describe('extension: the handler asks, the office head approves or refuses', () => {
  test('asked: pending, the state and the clock unchanged; only the head decides', () => {
    const asked = step(inProgress, { type: 'request_extension', date: '2024-10-09' }, ctx(HANDLER));
    assert.equal(asked.extensionRequested, true);
    assert.equal(asked.state, 'in_progress');
    assert.deepEqual(asked.events, inProgress.events);
    assert.deepEqual(availableActions(asked, HANDLER).includes('request_extension'), false);
    assert.ok(availableActions(asked, HEAD).includes('approve_extension'));
    assert.ok(availableActions(asked, HEAD).includes('refuse_extension'));
    assert.ok(!availableActions(inProgress, HEAD).includes('refuse_extension'));
    refused(
      transition(asked, { type: 'request_extension', date: '2024-10-09' }, ctx(HANDLER)),
      /正等待负责人审批/,
    );
    refused(
      transition(asked, { type: 'refuse_extension', date: '2024-10-09' }, ctx(HANDLER)),
      /须由政府信息公开工作机构负责人进行/,
    );
    const approved = step(asked, { type: 'approve_extension', date: '2024-10-10' });
    assert.equal(approved.extensionRequested, false);
    assert.equal(approved.events.at(-1)?.type, 'extended');
    const declined = step(asked, { type: 'refuse_extension', date: '2024-10-10' });
    assert.equal(declined.extensionRequested, false);
    assert.deepEqual(declined.events, inProgress.events);
    refused(
      transition(inProgress, { type: 'refuse_extension', date: '2024-10-10' }, ctx()),
      /没有待审批的延期申请/,
    );
  });
  test('asked too late: after the first 20 working days (2024-10-30)', () => {
    refused(
      transition(inProgress, { type: 'request_extension', date: '2024-10-31' }, ctx(HANDLER)),
      /原答复期限（2024-10-30）届满前申请/,
    );
  });
});

describe('extension: once, by the office head, before the first period ends', () => {
  test('approved by the head: a clock event and the flag, the state unchanged', () => {
    const r = transition(inProgress, { type: 'approve_extension', date: '2024-10-25' }, ctx());
    assert.ok(r.ok);
    assert.deepEqual(r.clockEvent, { type: 'extended', date: '2024-10-25' });
    assert.equal(r.clock?.extended, true);
    assert.equal(r.clock?.due?.date, '2024-11-27');
  });
  test('only once', () => {
    const extended = step(inProgress, { type: 'approve_extension', date: '2024-10-09' });
    refused(
      transition(extended, { type: 'approve_extension', date: '2024-10-10' }, ctx()),
      /^延期答复只能申请一次$/,
    );
    assert.ok(!availableActions(extended, HEAD).includes('approve_extension'));
  });
  test('not by a handler', () => {
    refused(
      transition(inProgress, { type: 'approve_extension', date: '2024-10-09' }, ctx(HANDLER)),
      /延期答复须经政府信息公开工作机构负责人批准/,
    );
  });
  test('not after the first period ended', () => {
    refused(
      transition(inProgress, { type: 'approve_extension', date: '2024-10-31' }, ctx()),
      /延期答复须在原答复期限（2024-10-30）届满前批准/,
    );
  });
  test('on the last day of the first period it is still in time', () => {
    assert.ok(transition(inProgress, { type: 'approve_extension', date: '2024-10-30' }, ctx()).ok);
  });
});

describe('correction (补正)', () => {
  test('asked within 7 working days of receipt only', () => {
    refused(
      transition(
        registered,
        { type: 'request_correction', date: '2024-10-14', deadline: '2024-10-30' },
        ctx(),
      ),
      /7个工作日内（2024-10-12前）/,
    );
  });
  test('its deadline must come after the notice', () => {
    refused(
      transition(
        registered,
        { type: 'request_correction', date: '2024-09-30', deadline: '2024-09-30' },
        ctx(),
      ),
      /补正期限（2024-09-30）应晚于/,
    );
  });
  test('the corrected application restarts the clock', () => {
    const r = transition(
      correctionRequested,
      { type: 'record_correction', date: '2024-10-09' },
      ctx(APPLICANT),
    );
    assert.ok(r.ok);
    assert.equal(r.clock?.startedOn, '2024-10-09');
    assert.equal(r.clock?.due?.date, '2024-11-05');
  });
  test('lapse only after the deadline set in the notice, with outcome 其他处理 1', () => {
    refused(
      transition(correctionRequested, { type: 'lapse_correction', date: '2024-10-15' }, ctx()),
      /补正期限（2024-10-15）尚未届满/,
    );
    const lapsed = step(correctionRequested, { type: 'lapse_correction', date: '2024-10-16' });
    assert.deepEqual(
      [lapsed.closure, lapsed.outcome, lapsed.closedOn],
      ['correction_lapsed', 'other.correction_overdue', '2024-10-16'],
    );
  });
  test('补正后申请内容仍不明确 only after a correction', () => {
    const draft = {
      type: 'draft_reply',
      outcome: 'unavailable.unclear_after_correction',
      reasons: '仍不明确。',
    } as const;
    refused(transition(inProgress, draft, ctx()), /只适用于申请人已经补正的申请/);
    const corrected = step(correctionRequested, { type: 'record_correction', date: '2024-10-09' });
    assert.ok(transition(corrected, draft, ctx()).ok);
  });
});

describe('fee (信息处理费)', () => {
  test('lapse only after the 20 working days to pay, with outcome 其他处理 2', () => {
    refused(
      transition(feePending, { type: 'lapse_fee', date: '2024-11-04' }, ctx()),
      /缴费期限（2024-11-04）尚未届满/,
    );
    const lapsed = step(feePending, { type: 'lapse_fee', date: '2024-11-05' });
    assert.deepEqual([lapsed.closure, lapsed.outcome], ['fee_lapsed', 'other.fee_unpaid']);
  });
});

describe('reply: drafted, approved by the office head, sent, closed with its outcome', () => {
  test('the head approves, the handler cannot', () => {
    refused(
      transition(replyDrafted, { type: 'approve_reply' }, ctx(HANDLER)),
      /须由政府信息公开工作机构负责人进行/,
    );
  });
  test('a returned draft drops its outcome', () => {
    const back = step(replyDrafted, { type: 'return_draft' });
    assert.deepEqual([back.state, back.outcome], ['in_progress', null]);
  });
  test('sending closes the case as replied, with the drafted outcome', () => {
    assert.deepEqual(
      [closed.closure, closed.outcome, closed.closedOn],
      ['replied', 'partially_disclosed', '2024-10-10'],
    );
  });
  test('an outcome that belongs to another way of closing is refused', () => {
    refused(
      transition(
        inProgress,
        { type: 'draft_reply', outcome: 'other.fee_unpaid', reasons: '—' },
        ctx(),
      ),
      /“已答复”不能选择这一办理结果/,
    );
    refused(
      transition(inProgress, { type: 'transfer', date: '2024-10-09', outcome: 'disclosed' }, ctx()),
      /“转送其他渠道办理”不能选择这一办理结果/,
    );
  });
  test('an unknown outcome key is refused', () => {
    const bad = { type: 'draft_reply', outcome: 'granted', reasons: '—' } as unknown as CaseAction;
    refused(transition(inProgress, bad, ctx()), /请选择一项办理结果/);
  });
  test('reasons are required', () => {
    refused(
      transition(inProgress, { type: 'draft_reply', outcome: 'disclosed', reasons: '  ' }, ctx()),
      /请写明答复的理由和依据/,
    );
  });
});

describe('closing otherwise', () => {
  test('answered on the spot: only on the date of receipt', () => {
    refused(
      transition(registered, { ...VALID.answer_on_spot, date: '2024-09-30' } as CaseAction, ctx()),
      /当场答复只能在收到申请之日（2024-09-27）作出/,
    );
    const r = step(registered, VALID.answer_on_spot);
    assert.deepEqual([r.closure, r.outcome], ['answered_on_spot', 'disclosed']);
  });
  test('withdrawn: by the applicant too, outcome 其他处理 3', () => {
    const r = step(consulting, { type: 'withdraw', date: '2024-10-14' }, ctx(APPLICANT));
    assert.deepEqual([r.closure, r.outcome], ['withdrawn', 'other.other']);
  });
  test('transferred: closes with the outcome given', () => {
    const r = step(registered, VALID.transfer);
    assert.deepEqual([r.closure, r.outcome], ['transferred', 'unavailable.not_held']);
  });
});

describe('who acts, and dates', () => {
  test('the applicant may correct and withdraw, nothing else', () => {
    assert.deepEqual(availableActions(correctionRequested, APPLICANT), [
      'record_correction',
      'withdraw',
    ]);
    refused(
      transition(registered, VALID.request_correction, ctx(APPLICANT)),
      /您没有办理依申请公开的权限，不能要求补正/,
    );
  });
  test('a role without request permissions can do nothing', () => {
    for (const state of CASE_STATES)
      assert.deepEqual(availableActions(IN_STATE[state], REVIEWER), []);
    refused(
      transition(submitted, VALID.confirm_receipt, ctx(REVIEWER)),
      /您没有办理依申请公开的权限/,
    );
  });
  test('no step dated after today', () => {
    refused(
      transition(
        submitted,
        { type: 'confirm_receipt', date: '2024-12-02' },
        ctx(HEAD, '2024-12-01'),
      ),
      /日期 2024-12-02 晚于今天（2024-12-01）/,
    );
  });
  test('no step dated before the previous one', () => {
    refused(
      transition(consulting, { type: 'record_consultation_answer', date: '2024-10-07' }, ctx()),
      /早于本案上一步的日期（2024-10-08）/,
    );
  });
  test('an impossible date is refused in Chinese', () => {
    refused(
      transition(submitted, { type: 'confirm_receipt', date: '2024-02-30' }, ctx()),
      /2024年2月只有29天/,
    );
  });
});

describe('new cases and categories', () => {
  test('in person and registered post: the date of receipt is known at once (第三十一条)', () => {
    const c = newCase({
      category: 'commercial_enterprise',
      channel: 'in_person',
      receivedOn: '2024-09-27',
    });
    assert.equal(c.state, 'registered');
    assert.deepEqual(c.events, [{ type: 'received', date: '2024-09-27' }]);
  });
  test('online, fax, e-mail and ordinary letters wait for staff to confirm it', () => {
    for (const channel of ['online', 'fax', 'email', 'ordinary_letter'] as const) {
      assert.equal(newCase({ category: 'natural_person', channel }).state, 'submitted');
    }
  });
  test('the applicant categories are the columns of table 三', () => {
    assert.deepEqual(
      [...APPLICANT_CATEGORIES],
      FORMAT_2021.requests.columns.map((c) => c.key).filter((k) => k !== 'total'),
    );
    assert.equal(APPLICANT_CATEGORY_LABELS.social_welfare_org, '社会公益组织');
  });
});
