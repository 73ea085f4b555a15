// Which letters (文书) a step issues, and what they say: the correction notice, the two
// consultation letters, the fee notice, the extension notice and the reply of the outcome
// (its remedies are in every reply template). Pure: the command issues what this returns
// inside the step's transaction (src/letters/issue.ts).
import type { ClockResult } from '../clock.js';
import type { CaseActionType } from '../case.js';
import { describeFee, FEE_METHOD_LABELS, type FeeWorking } from '../fees.js';
import { replyKindOf, type LetterKind } from '../../letters/kinds.js';
import type { LetterContext } from '../../letters/placeholders.js';
import { RECEIPT_CHANNEL_LABELS } from '../case.js';
import type { RequestCase } from '../request.js';
import type { ReplyDraft } from './stored-core.js';
import type { StepData } from './step-forms.js';

export type PlannedLetter = {
  [K in LetterKind]: { kind: K; context: LetterContext<K>; toApplicant: boolean };
}[LetterKind];

export interface LetterFacts {
  c: RequestCase;
  /** The applicant's name or organisation (the letter is addressed to them). */
  applicantName: string;
  /** 所申请政府信息: the items, one after another. */
  requestSummary: string;
  /** The clock after the step. */
  clock: ClockResult | null;
  data: StepData;
  draft: ReplyDraft | null;
  extensionReason: string;
  fee: FeeWorking | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** The items of an application as one phrase for a letter. */
export function summaryOf(
  items: readonly { title: string | null; documentNumber: string | null; description: string }[],
): string {
  return items
    .map((i) =>
      [i.title, i.documentNumber ? `（${i.documentNumber}）` : '', i.title ? '' : i.description]
        .filter(Boolean)
        .join(''),
    )
    .join('；');
}

/** The receipt (受理回执) once the date of receipt is fixed. */
export function receiptLetter(f: LetterFacts): PlannedLetter {
  return {
    kind: 'receipt',
    toApplicant: true,
    context: {
      applicant: f.applicantName,
      trackingNumber: f.c.trackingNumber,
      channel: RECEIPT_CHANNEL_LABELS[f.c.channel],
      receivedOn: f.c.receivedOn ?? '',
      requestSummary: f.requestSummary,
      dueOn: f.clock?.due?.date ?? '',
    },
  };
}

function replyLetter(f: LetterFacts, d: Omit<ReplyDraft, 'draftedOn'>): PlannedLetter[] {
  const kind = replyKindOf(d.outcome);
  if (!kind) return [];
  const context = {
    applicant: f.applicantName,
    receivedOn: f.c.receivedOn ?? '',
    requestSummary: f.requestSummary,
    legalBasis: d.legalBasis,
    reasons: d.reasons,
    reconsiderationBody: d.reconsiderationBody,
    court: d.court,
    provision: d.provision,
  };
  return [{ kind, context, toApplicant: true } as PlannedLetter];
}

export function lettersOfStep(type: CaseActionType, f: LetterFacts): PlannedLetter[] {
  const base = {
    applicant: f.applicantName,
    receivedOn: f.c.receivedOn ?? '',
    requestSummary: f.requestSummary,
  };
  switch (type) {
    case 'confirm_receipt':
      return [receiptLetter(f)];
    case 'request_correction':
      return [
        {
          kind: 'correction_notice',
          toApplicant: true,
          context: {
            ...base,
            correctionItems: list(f.data.items),
            correctionDueOn: str(f.data.deadline),
          },
        },
      ];
    case 'send_consultation':
      return [
        {
          kind: 'third_party_consultation',
          // The third party learns what is asked about, never who asked.
          toApplicant: false,
          context: {
            thirdParty: str(f.data.partyName),
            requestSummary: f.requestSummary,
            consultationExtract: list(f.data.extract),
            consultationDueOn: f.clock?.consultationDue?.date ?? '',
          },
        },
        { kind: 'consultation_notice', toApplicant: true, context: base },
      ];
    case 'send_fee_notice':
      return f.fee
        ? [
            {
              kind: 'fee_notice',
              toApplicant: true,
              context: {
                ...base,
                feeMethod: FEE_METHOD_LABELS[f.fee.method],
                feeStandard: describeFee(f.fee).join('；'),
                feeAmount: f.fee.total,
                paymentMethod: str(f.data.paymentMethod),
                paymentDueOn: f.clock?.feeDue?.date ?? '',
              },
            },
          ]
        : [];
    case 'approve_extension':
      return [
        {
          kind: 'extension_notice',
          toApplicant: true,
          context: {
            ...base,
            originalDueOn: f.clock?.firstPeriodDue?.date ?? '',
            extendedDueOn: f.clock?.due?.date ?? '',
            extensionReason: f.extensionReason,
          },
        },
      ];
    case 'send_reply':
      return f.draft ? replyLetter(f, f.draft) : [];
    case 'answer_on_spot':
      return replyLetter(f, {
        outcome: str(f.data.outcome),
        legalBasis: str(f.data.legalBasis),
        reasons: str(f.data.reasons),
        provision: str(f.data.provision),
        reconsiderationBody: str(f.data.reconsiderationBody),
        court: str(f.data.court),
      });
    default:
      return [];
  }
}
