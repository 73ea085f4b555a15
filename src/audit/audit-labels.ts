// The one registry of audit labels, combined from the features that write the events:
// each feature owns the Chinese names of its actions, subject types and fields.
import { agencyAuditLabels } from '../agencies/audit-labels.js';
import { authAuditLabels } from '../auth/audit-labels.js';
import { calendarAuditLabels } from '../calendar/audit-labels.js';
import { demoAuditLabels } from '../demo/audit-labels.js';
import { publicationAuditLabels } from '../publications/audit-labels.js';
import type { AuditLabels } from './audit-label-types.js';

const FEATURES: readonly AuditLabels[] = [
  agencyAuditLabels,
  authAuditLabels,
  calendarAuditLabels,
  demoAuditLabels,
  publicationAuditLabels,
];

const ACTIONS: Readonly<Record<string, string>> = Object.assign(
  {},
  ...FEATURES.map((f) => f.actions),
);
const SUBJECTS: Readonly<Record<string, string>> = Object.assign(
  {},
  ...FEATURES.map((f) => f.subjects),
);
const FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.assign(
  {},
  ...FEATURES.map((f) => f.fields),
);

/** Whether `action` has a Chinese name (every action written must). */
export function hasActionLabel(action: string): boolean {
  return Object.hasOwn(ACTIONS, action);
}

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

export function subjectLabel(type: string): string {
  return SUBJECTS[type] ?? type;
}

/** The subject types with Chinese names, for the audit log's filter. */
export function subjectOptions(): { value: string; label: string }[] {
  return Object.entries(SUBJECTS).map(([value, label]) => ({ value, label }));
}

/** The Chinese label of a field of a subject type, or the field name when it has none. */
export function fieldLabel(subjectType: string, field: string): string {
  return FIELDS[subjectType]?.[field] ?? field;
}

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An ISO timestamp as Beijing time, e.g. 2024/09/27 16:00:00. */
export function beijingTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : beijing.format(d);
}
