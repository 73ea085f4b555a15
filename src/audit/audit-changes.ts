// An event's before/after as rows a person reads: one per changed field, labelled in Chinese
// by the feature that owns the subject, values in words (names for ids, 是/否, 共N项).
import { roleLabel } from '../auth/roles.js';
import { beijingTime, type AuditLabelIndex } from './audit-labels.js';

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

const ID_FIELDS = new Set(['agencyId', 'parentId', 'currentAgencyId']);
/** The subject's own id is the row's subject, not a change. */
const HIDDEN_FIELDS = new Set(['id']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DAY_KINDS: Record<string, string> = { holiday: '放假', workday: '调休上班' };
const EMPTY = '—';
/** Values of a long list shown in full (an import lists every item it stored: thousands). */
const LISTED = 20;

function formatValue(
  labels: AuditLabelIndex,
  subjectType: string,
  field: string,
  value: unknown,
  names: ReadonlyMap<string, string>,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    if (ID_FIELDS.has(field)) return names.get(value) ?? value;
    if (field === 'kind' && DAY_KINDS[value]) return DAY_KINDS[value];
    if (TIMESTAMP.test(value)) return beijingTime(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    if (field === 'roles') return value.map((r) => roleLabel(String(r))).join('、');
    if (value.every((v) => typeof v !== 'object' || v === null))
      return value.length > LISTED
        ? `共${value.length}项：${value.slice(0, LISTED).map(String).join('、')}……`
        : value.map(String).join('、');
    return `共${value.length}项`;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(
        ([k, v]) =>
          `${labels.field(subjectType, k)}：${formatValue(labels, subjectType, k, v, names)}`,
      );
    return parts.length > 0 ? parts.join('；') : EMPTY;
  }
  return String(value);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields that differ between before and after (all of them for a creation). */
export function fieldChanges(
  labels: AuditLabelIndex,
  subjectType: string,
  before: unknown,
  after: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => !HIDDEN_FIELDS.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({
      label: labels.field(subjectType, k),
      before: formatValue(labels, subjectType, k, b[k], names),
      after: formatValue(labels, subjectType, k, a[k], names),
    }));
}

/** The ids inside before/after that should be shown as names. */
export function referencedIds(before: unknown, after: unknown): string[] {
  return [asRecord(before), asRecord(after)].flatMap((r) =>
    [...ID_FIELDS].map((f) => r[f]).filter((v): v is string => typeof v === 'string'),
  );
}
