// The console form of assisted handling (协查): record one, or correct it / record its answer.
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../web/forms.js';
import { OTHER_AGENCY, type AssistedFormValues } from './assisted.js';

export const ASSISTED_FIELD_LABELS: Record<keyof AssistedFormValues, string> = {
  requestingAgencyId: '提出协查的机关',
  requestingAgencyName: '机关全称（选“其他机关”时填写）',
  receivedOn: '收到协查之日',
  subject: '协查事项',
  theirReference: '来文编号',
  answeredOn: '答复协查之日',
  note: '备注',
};

export function AssistedForm(p: {
  action: string;
  title: string;
  submit: string;
  values: AssistedFormValues;
  errors: FieldErrors;
  agencies: readonly { id: string; fullName: string }[];
}) {
  const { values: v, errors: e } = p;
  const L = ASSISTED_FIELD_LABELS;
  return (
    <PostForm action={p.action} label={p.title}>
      <ErrorSummary errors={e} labels={L} />
      <SelectField
        name="requestingAgencyId"
        label={L.requestingAgencyId}
        value={v.requestingAgencyId}
        error={e.requestingAgencyId}
        required
        emptyLabel="请选择"
        hint="收到政府信息公开申请、请本机关协助查找或提出意见的机关"
        options={[
          ...p.agencies.map((a) => ({ value: a.id, label: a.fullName })),
          { value: OTHER_AGENCY, label: '其他机关（不在平台上）' },
        ]}
      />
      <TextField
        name="requestingAgencyName"
        label={L.requestingAgencyName}
        value={v.requestingAgencyName}
        error={e.requestingAgencyName}
        maxlength={100}
        hint="如 青岛市黄岛区人民政府办公室"
      />
      <TextField
        name="receivedOn"
        label={L.receivedOn}
        type="date"
        value={v.receivedOn}
        error={e.receivedOn}
        required
        hint="格式如 2021-06-30；按此日期计入年度报告"
      />
      <TextField
        name="subject"
        label={L.subject}
        value={v.subject}
        error={e.subject}
        required
        maxlength={200}
        hint="申请公开的政府信息名称或需要协助的事项"
      />
      <TextField
        name="theirReference"
        label={L.theirReference}
        value={v.theirReference}
        error={e.theirReference}
        maxlength={60}
        hint="提出协查的机关的申请编号或来函文号，没有可不填"
      />
      <TextField
        name="answeredOn"
        label={L.answeredOn}
        type="date"
        value={v.answeredOn}
        error={e.answeredOn}
        hint="尚未答复的不填"
      />
      <TextArea
        name="note"
        label={L.note}
        value={v.note}
        error={e.note}
        rows={4}
        maxlength={1000}
        hint="如协查结论、答复方式；请勿填写申请人的个人信息"
      />
      <SubmitButton>{p.submit}</SubmitButton>
    </PostForm>
  );
}
