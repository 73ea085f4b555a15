// The letters (文书) Gongkai issues on a request, as pure data: each kind's Chinese name, its
// title, who it is addressed to, and the numbering family it draws its number from. The
// reply letters (答复告知书) are one per outcome group of table 三; every one of them states
// the remedies. See shared/spec/portal-and-letters.md C1–C3 and docs/decisions/0018-letters.md.

export const LETTER_KINDS = [
  'receipt',
  'correction_notice',
  'extension_notice',
  'third_party_consultation',
  'consultation_notice',
  'fee_notice',
  'reply_disclosed',
  'reply_partially_disclosed',
  'reply_withheld',
  'reply_unavailable',
  'reply_not_processed',
  'reply_other',
] as const;

export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * Letters of one family share a number series per agency and year (〔2024〕1号, 2号 …):
 * every reply letter is an 答 letter, whatever its outcome; both consultation letters are 征.
 */
export type LetterFamily =
  'receipt' | 'correction' | 'extension' | 'consultation' | 'fee' | 'reply';

export interface LetterKindInfo {
  /** As staff call it, e.g. 「补正告知书」. */
  name: string;
  /** The title line under the agency's name. */
  title: string;
  family: LetterFamily;
  /** To the applicant, or to the third party consulted (who never sees the applicant's data). */
  addressedTo: 'applicant' | 'third_party';
  /** A reply letter closes the case: it must state the remedies. */
  reply: boolean;
}

export const LETTER_KIND_INFO: Readonly<Record<LetterKind, LetterKindInfo>> = {
  receipt: {
    name: '受理回执',
    title: '政府信息公开申请接收回执',
    family: 'receipt',
    addressedTo: 'applicant',
    reply: false,
  },
  correction_notice: {
    name: '补正告知书',
    title: '政府信息公开申请补正告知书',
    family: 'correction',
    addressedTo: 'applicant',
    reply: false,
  },
  extension_notice: {
    name: '延期答复告知书',
    title: '政府信息公开申请延期答复告知书',
    family: 'extension',
    addressedTo: 'applicant',
    reply: false,
  },
  third_party_consultation: {
    name: '征求第三方意见书',
    title: '政府信息公开征求第三方意见书',
    family: 'consultation',
    addressedTo: 'third_party',
    reply: false,
  },
  consultation_notice: {
    name: '征求意见告知书',
    title: '政府信息公开申请征求意见告知书',
    family: 'consultation',
    addressedTo: 'applicant',
    reply: false,
  },
  fee_notice: {
    name: '收费通知书',
    title: '政府信息公开信息处理费收费通知书',
    family: 'fee',
    addressedTo: 'applicant',
    reply: false,
  },
  reply_disclosed: {
    name: '答复告知书（予以公开）',
    title: '政府信息公开申请答复告知书',
    family: 'reply',
    addressedTo: 'applicant',
    reply: true,
  },
  reply_partially_disclosed: {
    name: '答复告知书（部分公开）',
    title: '政府信息公开申请答复告知书',
    family: 'reply',
    addressedTo: 'applicant',
    reply: true,
  },
  reply_withheld: {
    name: '答复告知书（不予公开）',
    title: '政府信息公开申请答复告知书',
    family: 'reply',
    addressedTo: 'applicant',
    reply: true,
  },
  reply_unavailable: {
    name: '答复告知书（无法提供）',
    title: '政府信息公开申请答复告知书',
    family: 'reply',
    addressedTo: 'applicant',
    reply: true,
  },
  reply_not_processed: {
    name: '答复告知书（不予处理）',
    title: '政府信息公开申请答复告知书',
    family: 'reply',
    addressedTo: 'applicant',
    reply: true,
  },
  reply_other: {
    name: '答复告知书（其他处理）',
    title: '政府信息公开申请答复告知书',
    family: 'reply',
    addressedTo: 'applicant',
    reply: true,
  },
};

/** The character in the letter number that names the family, e.g. 「依申答〔2024〕3号」. */
export const FAMILY_CODES: Readonly<Record<LetterFamily, string>> = {
  receipt: '收',
  correction: '补',
  extension: '延',
  consultation: '征',
  fee: '费',
  reply: '答',
};

/**
 * The reply letter for an outcome key of table 三 (e.g. `unavailable.not_held`): the group
 * before the dot decides it. Null for a key that is no outcome.
 */
export function replyKindOf(outcome: string): LetterKind | null {
  const group = outcome.split('.')[0];
  switch (group) {
    case 'disclosed':
      return 'reply_disclosed';
    case 'partially_disclosed':
      return 'reply_partially_disclosed';
    case 'withheld':
      return 'reply_withheld';
    case 'unavailable':
      return 'reply_unavailable';
    case 'not_processed':
      return 'reply_not_processed';
    case 'other':
      return 'reply_other';
    default:
      return null;
  }
}

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}
