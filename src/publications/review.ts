// The review before publishing (保密审查) as one guarded transition function: which step may
// be taken from which state, by whom, and where it leads. Pure: the caller says which
// permissions the actor holds and whether the actor drafted or submitted the item.
//
//   draft ──submit──▶ in_review ──approve──▶ approved ──publish──▶ published ──withdraw──▶ withdrawn
//     ▲                  │
//     └─────reject───────┘ (with the reviewer's reasons)      (or a re-check, 清查)
import type { Permission } from '../auth/policy.js';

export const PUBLICATION_STATES = [
  'draft',
  'in_review',
  'approved',
  'published',
  'withdrawn',
] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const STATE_LABELS: Readonly<Record<PublicationState, string>> = {
  draft: '草稿',
  in_review: '待保密审查',
  approved: '审查通过待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

export type PublicationStep =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'publish'
  | 'withdraw'
  | 'change_validity'
  | 'record_channels'
  | 'recheck_keep'
  | 'recheck_withdraw';

interface Rule {
  from: readonly PublicationState[];
  /** The state after the step; absent: the state stays. */
  to?: PublicationState;
  permission: Permission;
  /** The step needs a written reason or opinion. */
  needsReason?: boolean;
  /** The drafter or submitter may not take this step (four eyes). */
  notByAuthor?: boolean;
  /** What is said when the item is in another state. */
  wrongState: string;
}

export const STEP_RULES: Readonly<Record<PublicationStep, Rule>> = {
  edit: {
    from: ['draft'],
    permission: 'publication.draft',
    wrongState: '只有草稿可以修改：送审或发布后的信息不能再修改',
  },
  submit: {
    from: ['draft'],
    to: 'in_review',
    permission: 'publication.draft',
    wrongState: '只有草稿可以送审',
  },
  approve: {
    from: ['in_review'],
    to: 'approved',
    permission: 'publication.review',
    needsReason: true,
    notByAuthor: true,
    wrongState: '只有待保密审查的信息可以审查',
  },
  reject: {
    from: ['in_review'],
    to: 'draft',
    permission: 'publication.review',
    needsReason: true,
    notByAuthor: true,
    wrongState: '只有待保密审查的信息可以审查',
  },
  publish: {
    from: ['approved'],
    to: 'published',
    permission: 'publication.publish',
    wrongState: '只有通过保密审查的信息可以发布',
  },
  withdraw: {
    from: ['published'],
    to: 'withdrawn',
    permission: 'publication.publish',
    needsReason: true,
    wrongState: '只有已发布的信息可以撤回',
  },
  change_validity: {
    from: ['published'],
    permission: 'publication.publish',
    wrongState: '只有已发布的信息可以变更有效性',
  },
  record_channels: {
    from: ['published'],
    permission: 'publication.publish',
    wrongState: '只有已发布的信息可以登记发布渠道',
  },
  // 清查: a reviewer re-checks what is published and keeps it or takes it down.
  recheck_keep: {
    from: ['published'],
    permission: 'publication.review',
    needsReason: true,
    wrongState: '只有已发布的信息可以清查',
  },
  recheck_withdraw: {
    from: ['published'],
    to: 'withdrawn',
    permission: 'publication.review',
    needsReason: true,
    wrongState: '只有已发布的信息可以清查',
  },
};

export interface StepActor {
  /** Whether the actor holds `permission` (policy.ts decides; this function does not). */
  holds(permission: Permission): boolean;
  /** The actor drafted or submitted this item. */
  isAuthor: boolean;
}

export type StepDecision = { ok: true; to: PublicationState } | { ok: false; error: string };

/** The one guard of every step: allowed (and the state it leads to), or why not. */
export function decideStep(
  state: PublicationState,
  step: PublicationStep,
  actor: StepActor,
  reason: string | null = null,
): StepDecision {
  const rule = STEP_RULES[step];
  if (!actor.holds(rule.permission)) return { ok: false, error: '您的角色不能进行此操作' };
  if (!rule.from.includes(state))
    return { ok: false, error: `${rule.wrongState}（当前状态：${STATE_LABELS[state]}）` };
  if (rule.notByAuthor && actor.isAuthor)
    return { ok: false, error: '不能审查本人起草或送审的信息：请由其他保密审查员审查' };
  if (rule.needsReason && !reason?.trim()) return { ok: false, error: '请填写理由或意见' };
  return { ok: true, to: rule.to ?? state };
}

/** The steps open to `actor` on an item in `state` (for the buttons a page shows). */
export function availableSteps(state: PublicationState, actor: StepActor): PublicationStep[] {
  return (Object.keys(STEP_RULES) as PublicationStep[]).filter(
    (step) => decideStep(state, step, actor, 'x').ok,
  );
}

/** Whether an item in `state` is seen by the public (its content or its withdrawal notice). */
export function isPublic(state: PublicationState): boolean {
  return state === 'published' || state === 'withdrawn';
}
