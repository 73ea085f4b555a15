// Where an item of a re-check round (清查) stands: the one vocabulary of the round page's
// filter, its counts and each row. An entry without a finding is still to check while its
// item is published; one whose item is no longer published without a finding in the round
// (it can no longer be decided there) is 其他.

export const RECHECK_OUTCOMES = ['pending', 'kept', 'withdrawn', 'other'] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];

export const RECHECK_OUTCOME_LABELS: Readonly<Record<RecheckOutcome, string>> = {
  pending: '待核查',
  kept: '继续公开',
  withdrawn: '已撤回',
  other: '其他',
};

/** What a row without a finding says of its item, by outcome. */
export const UNDECIDED_TEXT: Readonly<Record<'pending' | 'other', string>> = {
  pending: '待核查',
  other: '该信息已不在公开状态',
};

/** The most items one 「继续公开」 submission of the round page may keep. */
export const MAX_BULK_KEEP = 100;

/** The outcome of an entry from its finding and the item's state. */
export function recheckOutcomeOf(decision: string | null, state: string): RecheckOutcome {
  if (decision === 'kept') return 'kept';
  if (decision === 'withdrawn') return 'withdrawn';
  return state === 'published' ? 'pending' : 'other';
}

/** What is wrong with choosing `count` items for one 「继续公开」 submission, or null. */
export function bulkKeepCountProblem(count: number): string | null {
  if (count === 0) return '请勾选要继续公开的信息';
  if (count > MAX_BULK_KEEP)
    return `一次最多勾选 ${MAX_BULK_KEEP} 条信息，您勾选了 ${count} 条，请分批提交`;
  return null;
}
