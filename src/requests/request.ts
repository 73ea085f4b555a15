// A request case as the intake pages and the tracking page see it. The states and their
// transitions belong to the case's core (case.ts); here are only the names people read.
import {
  CASE_STATE_LABELS,
  type ApplicantCategory,
  type CaseState,
  type ReceiptChannel,
} from './case.js';
import type { DeliveryForm, DeliveryMethod } from './application.js';
import type { IdType } from './identity.js';

/** How the applicant sees each state: internal steps of drafting are not theirs to follow. */
export const PUBLIC_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  submitted: '已提交，待本机关确认收到',
  registered: '已收到申请，正在办理',
  correction_requested: '需要补正申请内容',
  in_progress: '正在办理',
  consulting: '正在征求意见（所需时间不计入答复期限）',
  fee_pending: '待缴纳信息处理费',
  reply_drafted: '正在办理',
  reply_approved: '正在办理',
  closed: '已办结',
};

export function stateLabel(state: string, audience: 'staff' | 'public' = 'staff'): string {
  const labels = audience === 'staff' ? CASE_STATE_LABELS : PUBLIC_STATE_LABELS;
  return Object.hasOwn(labels, state) ? labels[state as CaseState] : state;
}

/** A case without its applicant's personal data. */
export interface RequestCase {
  id: string;
  agencyId: string;
  trackingNumber: string;
  state: CaseState;
  channel: ReceiptChannel;
  category: ApplicantCategory;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  extended: boolean;
  deliveryForm: DeliveryForm;
  deliveryMethod: DeliveryMethod;
  acceptOtherMeans: boolean;
  closure: string | null;
  outcome: string | null;
  closedOn: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The applicant's personal data: only for staff handling the case, and audited when shown. */
export interface ApplicantRecord {
  name: string;
  idType: IdType | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactName: string | null;
  phone: string;
  address: string | null;
  email: string | null;
}

/** A row of the work list: masked, so a list shown on a screen reveals no one. */
export interface WorkListRow {
  id: string;
  trackingNumber: string;
  state: CaseState;
  channel: ReceiptChannel;
  category: ApplicantCategory;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueProvisional: boolean;
  maskedName: string;
  maskedId: string | null;
  firstItem: string;
}

export interface RequestEvent {
  seq: number;
  type: string;
  onDate: string;
  at: string;
  /** What the step recorded besides its date (deadline, outcome, reasons …); staff only. */
  data: Record<string, unknown> | null;
}

export interface RequestFile {
  fileId: string;
  purpose: string;
  filename: string;
  contentType: string;
  size: number;
}
