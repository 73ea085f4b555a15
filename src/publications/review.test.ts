// The review state machine, table-driven: every step from every state, by each role.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PERMISSIONS, type Permission } from '../auth/policy.js';
import type { Role } from '../auth/roles.js';
import {
  availableSteps,
  decideStep,
  isPublic,
  PUBLICATION_STATES,
  STEP_RULES,
  type PublicationState,
  type PublicationStep,
  type StepActor,
} from './review.js';

const as = (role: Role, isAuthor = false): StepActor => ({
  holds: (p: Permission) => (PERMISSIONS[p] as readonly string[]).includes(role),
  isAuthor,
});

/** [state, step, role, expected next state or null when refused] */
const CASES: [PublicationState, PublicationStep, Role, PublicationState | null][] = [
  ['draft', 'edit', 'handler', 'draft'],
  ['draft', 'submit', 'handler', 'in_review'],
  ['draft', 'submit', 'reviewer', null],
  ['draft', 'approve', 'reviewer', null],
  ['in_review', 'edit', 'handler', null],
  ['in_review', 'approve', 'reviewer', 'approved'],
  ['in_review', 'reject', 'reviewer', 'draft'],
  ['in_review', 'approve', 'handler', null],
  ['in_review', 'approve', 'publisher', null],
  ['in_review', 'approve', 'office_head', null],
  ['in_review', 'publish', 'publisher', null],
  ['approved', 'publish', 'publisher', 'published'],
  ['approved', 'publish', 'reviewer', null],
  ['approved', 'publish', 'handler', null],
  ['approved', 'edit', 'handler', null],
  ['published', 'withdraw', 'publisher', 'withdrawn'],
  ['published', 'withdraw', 'handler', null],
  ['published', 'change_validity', 'publisher', 'published'],
  ['published', 'record_channels', 'publisher', 'published'],
  ['published', 'publish', 'publisher', null],
  ['published', 'edit', 'handler', null],
  ['withdrawn', 'publish', 'publisher', null],
  ['withdrawn', 'withdraw', 'publisher', null],
  ['withdrawn', 'edit', 'handler', null],
  ['draft', 'withdraw', 'publisher', null],
  ['approved', 'change_validity', 'publisher', null],
  ['published', 'recheck_withdraw', 'reviewer', 'withdrawn'],
  ['published', 'recheck_keep', 'reviewer', 'published'],
  ['published', 'recheck_withdraw', 'publisher', null],
  ['withdrawn', 'recheck_keep', 'reviewer', null],
];

for (const [state, step, role, expected] of CASES) {
  test(`${step} from ${state} as ${role} → ${expected ?? 'refused'}`, () => {
    const d = decideStep(state, step, as(role), '理由');
    if (expected === null) assert.equal(d.ok, false);
    else assert.deepEqual(d, { ok: true, to: expected });
  });
}

test('only states a step names lead anywhere: every other state is refused with a reason', () => {
  for (const step of Object.keys(STEP_RULES) as PublicationStep[]) {
    const rule = STEP_RULES[step];
    const role = PERMISSIONS[rule.permission][0] as Role;
    for (const state of PUBLICATION_STATES) {
      const d = decideStep(state, step, as(role), '理由');
      assert.equal(d.ok, rule.from.includes(state), `${step} from ${state}`);
      if (!d.ok) assert.match(d.error, /当前状态/);
    }
  }
});

test('a reviewer cannot approve or reject an item they drafted or submitted', () => {
  const author = as('reviewer', true);
  for (const step of ['approve', 'reject'] as const) {
    const d = decideStep('in_review', step, author, '同意');
    assert.equal(d.ok, false);
    assert.match(d.ok ? '' : d.error, /本人/);
  }
});

test('review decisions and withdrawals need a written reason; submitting does not', () => {
  assert.equal(decideStep('in_review', 'reject', as('reviewer'), '  ').ok, false);
  assert.equal(decideStep('in_review', 'approve', as('reviewer'), null).ok, false);
  assert.equal(decideStep('published', 'withdraw', as('publisher'), '').ok, false);
  assert.equal(decideStep('draft', 'submit', as('handler'), null).ok, true);
});

test('the steps a page offers follow the same rules', () => {
  assert.deepEqual(availableSteps('draft', as('handler')), ['edit', 'submit']);
  assert.deepEqual(availableSteps('in_review', as('reviewer')), ['approve', 'reject']);
  assert.deepEqual(availableSteps('in_review', as('reviewer', true)), []);
  assert.deepEqual(availableSteps('approved', as('publisher')), ['publish']);
  assert.deepEqual(availableSteps('published', as('publisher')), [
    'withdraw',
    'change_validity',
    'record_channels',
  ]);
  assert.deepEqual(availableSteps('published', as('reviewer')), [
    'recheck_keep',
    'recheck_withdraw',
  ]);
  assert.deepEqual(availableSteps('withdrawn', as('publisher')), []);
});

test('only published and withdrawn items are public', () => {
  assert.deepEqual(
    PUBLICATION_STATES.filter((s) => isPublic(s)),
    ['published', 'withdrawn'],
  );
});
