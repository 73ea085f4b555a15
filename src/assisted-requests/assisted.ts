// Assisted handling (协查): a request another agency received and answered, for which this
// agency was asked to search its records or give an opinion. It is not this agency's case —
// it has no applicant, no clock and no place in table 三 — but the annual report states how
// many there were in the year. Pure data and the form's input rules.
import { z } from 'zod';
import { checkIsoDate } from '../calendar/dates.js';
import { multiLine, optionalSingleLine, singleLine } from '../validation/text-input.js';

export interface AssistedRequest {
  id: string;
  agencyId: string;
  /** The requesting agency when it is on the platform. */
  requestingAgencyId: string | null;
  /** Its name as recorded (the platform agency's full name, or as typed). */
  requestingAgencyName: string;
  receivedOn: string;
  subject: string;
  theirReference: string | null;
  answeredOn: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The choice in the form's agency list that means 「not on the platform: type its name」. */
export const OTHER_AGENCY = 'other';

const date = (label: string) =>
  singleLine(label).superRefine((s, ctx) => {
    if (s === '') return ctx.addIssue({ code: 'custom', message: `请填写${label}` });
    const r = checkIsoDate(s, label);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });

const optionalDate = (label: string) =>
  singleLine(label)
    .superRefine((s, ctx) => {
      if (s === '') return;
      const r = checkIsoDate(s, label);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
    })
    .transform((s) => (s === '' ? null : s));

export const assistedInputSchema = z
  .object({
    requestingAgencyId: singleLine('提出协查的机关'),
    requestingAgencyName: singleLine('机关名称').max(100, '机关名称不能超过 100 个字'),
    receivedOn: date('收到协查之日'),
    subject: singleLine('协查事项')
      .min(2, '请填写协查事项，如申请公开的政府信息名称')
      .max(200, '协查事项不能超过 200 个字'),
    theirReference: optionalSingleLine('来文编号', 60),
    answeredOn: optionalDate('答复协查之日'),
    note: multiLine('备注')
      .max(1000, '备注不能超过 1000 个字')
      .transform((s) => (s === '' ? null : s)),
  })
  .superRefine((v, ctx) => {
    if (v.requestingAgencyId === '')
      ctx.addIssue({
        code: 'custom',
        path: ['requestingAgencyId'],
        message: '请选择提出协查的机关；不在列表中的，选“其他机关”并填写名称',
      });
    else if (v.requestingAgencyId === OTHER_AGENCY && v.requestingAgencyName.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['requestingAgencyName'],
        message: '选“其他机关”时请填写提出协查的机关全称',
      });
    if (v.answeredOn !== null && v.receivedOn && v.answeredOn < v.receivedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['answeredOn'],
        message: `答复协查之日不能早于收到协查之日（${v.receivedOn}）`,
      });
  })
  .transform((v) => ({
    ...v,
    requestingAgencyId: v.requestingAgencyId === OTHER_AGENCY ? null : v.requestingAgencyId,
    requestingAgencyName: v.requestingAgencyId === OTHER_AGENCY ? v.requestingAgencyName : '',
  }));

export type AssistedInput = z.output<typeof assistedInputSchema>;
export type AssistedFormValues = Record<keyof z.input<typeof assistedInputSchema>, string>;
export const ASSISTED_FORM_FIELDS: (keyof AssistedFormValues)[] = [
  'requestingAgencyId',
  'requestingAgencyName',
  'receivedOn',
  'subject',
  'theirReference',
  'answeredOn',
  'note',
];

export function formValuesOf(a: AssistedRequest): AssistedFormValues {
  return {
    requestingAgencyId: a.requestingAgencyId ?? OTHER_AGENCY,
    requestingAgencyName: a.requestingAgencyId ? '' : a.requestingAgencyName,
    receivedOn: a.receivedOn,
    subject: a.subject,
    theirReference: a.theirReference ?? '',
    answeredOn: a.answeredOn ?? '',
    note: a.note ?? '',
  };
}

/**
 * A record as its audit event keeps it: the requesting agency by name (the name recorded is
 * the platform agency's full name when one is linked), so the log reads without an id.
 */
export function auditView(a: AssistedRequest): Omit<AssistedRequest, 'requestingAgencyId'> {
  const { requestingAgencyId: _linked, ...rest } = a;
  return rest;
}
