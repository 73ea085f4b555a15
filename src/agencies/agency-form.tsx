// The agency form (create and edit): every 指南 field, Chinese errors beside each field,
// typed values kept after a failed submit.
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../web/forms.js';
import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  AGENCY_LEVEL_LABELS,
  AGENCY_LEVELS,
  type Agency,
  type AgencyFormValues,
} from './agency.js';

export const AGENCY_FIELD_LABELS: Record<keyof AgencyFormValues, string> = {
  parentId: '上级机关',
  fullName: '机关全称',
  shortName: '机关简称',
  slug: '网址标识',
  code: '机关代码',
  level: '机关层级',
  kind: '机关类别',
  officeName: '政府信息公开工作机构名称',
  officeAddress: '办公地址',
  officeHours: '办公时间',
  officePhone: '联系电话',
  officeFax: '传真',
  officeEmail: '电子邮箱',
  officeWebsite: '网址',
};

export function AgencyForm(props: {
  action: string;
  values: AgencyFormValues;
  errors: FieldErrors;
  parents: readonly Agency[];
  /** Whether the parent may be left empty (only when it already is). */
  parentOptional: boolean;
  submitLabel: string;
}) {
  const { values: v, errors: e } = props;
  const L = AGENCY_FIELD_LABELS;
  return (
    <PostForm action={props.action} label={props.submitLabel}>
      <ErrorSummary errors={e} labels={L} />
      <h2>机关信息</h2>
      <SelectField
        name="parentId"
        label={L.parentId}
        value={v.parentId}
        error={e.parentId}
        emptyLabel={props.parentOptional ? '（无上级机关）' : '请选择'}
        required={!props.parentOptional}
        options={props.parents.map((a) => ({ value: a.id, label: a.fullName }))}
      />
      <TextField
        name="fullName"
        label={L.fullName}
        value={v.fullName}
        error={e.fullName}
        required
        maxlength={100}
        hint="与公章一致的正式名称，如 灵山卫街道办事处"
      />
      <TextField
        name="shortName"
        label={L.shortName}
        value={v.shortName}
        error={e.shortName}
        required
        maxlength={40}
        hint="如 灵山卫街道"
      />
      <TextField
        name="slug"
        label={L.slug}
        value={v.slug}
        error={e.slug}
        required
        maxlength={60}
        hint="门户网址中使用，如 lingshanwei 对应 /agencies/lingshanwei"
      />
      <TextField
        name="code"
        label={L.code}
        value={v.code}
        error={e.code}
        required
        maxlength={20}
        hint="18 位统一社会信用代码或 9 位组织机构代码，是索引号的前段码"
      />
      <SelectField
        name="level"
        label={L.level}
        value={v.level}
        error={e.level}
        required
        emptyLabel="请选择"
        options={AGENCY_LEVELS.map((l) => ({ value: l, label: AGENCY_LEVEL_LABELS[l] }))}
      />
      <SelectField
        name="kind"
        label={L.kind}
        value={v.kind}
        error={e.kind}
        required
        emptyLabel="请选择"
        options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))}
      />
      <h2>政府信息公开工作机构（公开指南所列信息）</h2>
      <TextField
        name="officeName"
        label={L.officeName}
        value={v.officeName}
        error={e.officeName}
        maxlength={60}
        hint="如 综合办公室"
      />
      <TextField
        name="officeAddress"
        label={L.officeAddress}
        value={v.officeAddress}
        error={e.officeAddress}
        maxlength={200}
      />
      <TextField
        name="officeHours"
        label={L.officeHours}
        value={v.officeHours}
        error={e.officeHours}
        maxlength={200}
      />
      <TextField
        name="officePhone"
        label={L.officePhone}
        type="tel"
        value={v.officePhone}
        error={e.officePhone}
        maxlength={40}
        hint="如 0532-83185761"
      />
      <TextField
        name="officeFax"
        label={L.officeFax}
        type="tel"
        value={v.officeFax}
        error={e.officeFax}
        maxlength={40}
      />
      <TextField
        name="officeEmail"
        label={L.officeEmail}
        type="email"
        value={v.officeEmail}
        error={e.officeEmail}
        maxlength={120}
      />
      <TextField
        name="officeWebsite"
        label={L.officeWebsite}
        type="url"
        value={v.officeWebsite}
        error={e.officeWebsite}
        maxlength={200}
        hint="以 https:// 开头"
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </PostForm>
  );
}
