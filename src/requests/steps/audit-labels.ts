// Chinese names of the audit events of a case's steps: 「办理政府信息公开申请：要求补正」…
import type { AuditLabels } from '../../audit/audit-label-types.js';
import { requestIntakeAuditLabels as intake } from '../audit-labels.js';
import { TRANSITIONS, type CaseActionType } from '../case.js';

export const requestStepAuditLabels = {
  actions: Object.fromEntries(
    (Object.keys(TRANSITIONS) as CaseActionType[]).map((t) => [
      `request.step.${t}`,
      `办理政府信息公开申请：${TRANSITIONS[t].label}`,
    ]),
  ),
  subjects: { request: '政府信息公开申请' },
  fields: {
    request: {
      extended: '已延期答复',
      closedOn: '办结日期',
      onDate: '办理日期',
      feeYuan: '信息处理费（元）',
      letters: '出具的文书',
    },
  },
};

/** The requests feature's labels: intake's and the steps'. */
export const requestsAuditLabels: AuditLabels = {
  actions: { ...intake.actions, ...requestStepAuditLabels.actions },
  subjects: intake.subjects,
  fields: { request: { ...intake.fields.request, ...requestStepAuditLabels.fields.request } },
};
