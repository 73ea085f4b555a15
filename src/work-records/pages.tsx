// The one form and the one set of list columns every kind of record uses, shaped by the
// kind's definition.
import type { Column } from '../web/data-table.js';
import {
  ChoiceGroup,
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../web/forms.js';
import {
  KIND_DEFINITIONS,
  ROLE_LABELS,
  ROLES,
  type RecordFormValues,
  type WorkRecord,
  type WorkRecordKind,
} from './work-record.js';
import type { RecordSort } from './repository.js';

export const WORK_RECORDS_PATH = '/console/work-records';
export const kindPath = (kind: WorkRecordKind) =>
  `${WORK_RECORDS_PATH}/${KIND_DEFINITIONS[kind].slug}`;
export const recordPath = (r: Pick<WorkRecord, 'kind' | 'id'>) => `${kindPath(r.kind)}/${r.id}`;

export function fieldLabels(kind: WorkRecordKind): Record<keyof RecordFormValues, string> {
  const d = KIND_DEFINITIONS[kind];
  return {
    occurredOn: d.dateLabel,
    title: d.titleLabel,
    detail: d.detailLabel,
    reference: '编号',
    role: '主办或协办',
    closed: '办结情况',
    participants: '参加人数',
  };
}

export function RecordForm(p: {
  kind: WorkRecordKind;
  action: string;
  values: RecordFormValues;
  errors: FieldErrors;
  submit: string;
}) {
  const d = KIND_DEFINITIONS[p.kind];
  const L = fieldLabels(p.kind);
  const { values: v, errors: e } = p;
  return (
    <PostForm action={p.action} label={`${p.submit}${d.label}`}>
      <ErrorSummary errors={e} labels={L} />
      <TextField
        name="occurredOn"
        label={L.occurredOn}
        type="date"
        value={v.occurredOn}
        error={e.occurredOn}
        required
        hint="格式如 2021-06-30"
      />
      {d.handled ? (
        <TextField
          name="reference"
          label={L.reference}
          value={v.reference}
          error={e.reference}
          maxlength={30}
          hint="交办通知上的编号，如 第123号（可不填）"
        />
      ) : null}
      <TextField
        name="title"
        label={L.title}
        value={v.title}
        error={e.title}
        required
        maxlength={100}
        hint={d.titleHint}
      />
      {d.handled ? (
        <>
          <ChoiceGroup
            name="role"
            label={L.role}
            value={v.role}
            error={e.role}
            required
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <ChoiceGroup
            name="closed"
            label={L.closed}
            value={v.closed}
            error={e.closed}
            required
            options={[
              { value: 'yes', label: '已办结' },
              { value: 'no', label: '未办结' },
            ]}
          />
        </>
      ) : null}
      {d.participants ? (
        <TextField
          name="participants"
          label={L.participants}
          value={v.participants}
          error={e.participants}
          required
          inputmode="numeric"
          maxlength={5}
          hint="人数，如 35"
        />
      ) : null}
      <TextArea
        name="detail"
        label={L.detail}
        value={v.detail}
        error={e.detail}
        required={d.detailRequired}
        rows={3}
        maxlength={1000}
        hint={d.detailHint}
      />
      <SubmitButton>{p.submit}</SubmitButton>
    </PostForm>
  );
}

/** The list's columns for `kind`: the parts it has, and the actions. */
export function recordColumns(kind: WorkRecordKind): Column<WorkRecord, RecordSort>[] {
  const d = KIND_DEFINITIONS[kind];
  const columns: Column<WorkRecord, RecordSort>[] = [
    { label: d.dateLabel, cell: (r) => r.occurredOn, sortKey: 'occurredOn' },
    {
      label: d.titleLabel,
      cell: (r) => (r.reference ? `${r.reference} ${r.title}` : r.title),
      sortKey: 'title',
    },
  ];
  if (d.handled)
    columns.push(
      { label: '主办或协办', cell: (r) => (r.role ? ROLE_LABELS[r.role] : '—') },
      { label: '办结情况', cell: (r) => (r.closed ? '已办结' : '未办结') },
    );
  if (d.participants)
    columns.push({ label: '参加人数', cell: (r) => String(r.participants ?? '—') });
  columns.push({ label: d.detailLabel, cell: (r) => r.detail ?? '—' });
  columns.push({
    label: '操作',
    cell: (r) => (
      <a href={`${recordPath(r)}/edit`} aria-label={`修改 ${r.title}`}>
        修改
      </a>
    ),
  });
  return columns;
}
