// The Chinese names of audit actions, subject types and fields, combined from the features
// that write the events: each feature declares its own (`Feature.auditLabels`, a leaf data
// module in its folder) and the composition (src/features.ts) builds one index from the
// feature list, so this module knows no feature.
import type { AuditLabels } from './audit-label-types.js';

export interface AuditLabelIndex {
  /** Whether `action` has a Chinese name (every action written must). */
  hasAction(action: string): boolean;
  action(action: string): string;
  subject(type: string): string;
  /** The subject types with Chinese names, for the audit log's filter. */
  subjectOptions(): { value: string; label: string }[];
  /** The Chinese label of a field of a subject type, or the field name when it has none. */
  field(subjectType: string, field: string): string;
}

export function auditLabelIndex(features: readonly AuditLabels[]): AuditLabelIndex {
  const actions: Record<string, string> = Object.assign({}, ...features.map((f) => f.actions));
  const subjects: Record<string, string> = Object.assign({}, ...features.map((f) => f.subjects));
  const fields: Record<string, Record<string, string>> = {};
  // Two features may label fields of the same subject type: merge, do not replace.
  for (const f of features)
    for (const [type, labels] of Object.entries(f.fields))
      fields[type] = { ...fields[type], ...labels };
  return {
    hasAction: (action) => Object.hasOwn(actions, action),
    action: (action) => (Object.hasOwn(actions, action) ? (actions[action] ?? action) : action),
    subject: (type) => (Object.hasOwn(subjects, type) ? (subjects[type] ?? type) : type),
    subjectOptions: () => Object.entries(subjects).map(([value, label]) => ({ value, label })),
    field: (type, field) =>
      Object.hasOwn(fields, type) && Object.hasOwn(fields[type] ?? {}, field)
        ? (fields[type]?.[field] ?? field)
        : field,
  };
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
