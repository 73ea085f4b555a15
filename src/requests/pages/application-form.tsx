// The application form (政府信息公开申请表, spec C4), shared by the public page and the
// staff registration page. It works without JavaScript: both the natural-person and the
// organisation blocks are shown, each under a legend saying when to fill it; item rows are
// a fixed number with 「再添加一项」 posting back for one more. Everything typed is put back
// after an error (a chosen file cannot be, which the hint says).
import type { Child } from 'hono/jsx';
import {
  ChoiceGroup,
  ErrorSummary,
  fieldId,
  FileField,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import {
  APPLICANT_CATEGORY_FORM_LABELS,
  applicationFieldLabel,
  DELIVERY_FORMS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  MAX_ITEMS,
} from '../application.js';
import { APPLICANT_CATEGORIES } from '../case.js';
import type { FormValues } from '../form-values.js';
import { ID_TYPES, ID_TYPE_LABELS } from '../identity.js';

export const PROOF_FIELD = 'identityProof';
export const ADD_ITEM_FIELD = 'addItem';
export const PROOF_MAX_MB = 10;

const options = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, string>>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

export interface ApplicationFormProps {
  action: string;
  values: FormValues;
  errors: FieldErrors;
  itemRows: number;
  submissionToken: string;
  submitLabel: string;
  /** Extra fields before the applicant (the staff form's channel and dates). */
  intro?: Child;
}

/** Labels of every field for the error summary, item rows included. */
function summaryLabels(errors: FieldErrors): Record<string, string> {
  const out: Record<string, string> = { [PROOF_FIELD]: '身份证明', idempotencyKey: '提交' };
  for (const key of Object.keys(errors)) out[key] ??= applicationFieldLabel(key);
  return out;
}

export function ApplicationForm(p: ApplicationFormProps) {
  const v = (k: string) => p.values[k] ?? '';
  const e = (k: string) => p.errors[k];
  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={label} value={v(name)} error={e(name)} {...extra} />
  );
  return (
    <PostForm action={p.action} multipart label="政府信息公开申请表">
      <ErrorSummary errors={p.errors} labels={summaryLabels(p.errors)} />
      <input type="hidden" name="submissionToken" value={p.submissionToken} />
      <input type="hidden" name="itemRows" value={String(p.itemRows)} />
      {p.intro}
      <ChoiceGroup
        name="applicant.category"
        label="申请人类型"
        required
        options={options(APPLICANT_CATEGORIES, APPLICANT_CATEGORY_FORM_LABELS)}
        value={v('applicant.category')}
        error={e('applicant.category')}
        hint="公民个人请选“自然人”；企业、事业单位、社会组织等请选对应的类型。"
      />
      {text('applicant.name', '姓名或者名称', {
        required: true,
        autocomplete: 'name',
        maxlength: 100,
      })}
      <fieldset class="field">
        <legend>申请人是公民（自然人）的，填写以下内容</legend>
        <SelectField
          name="applicant.idType"
          label="证件类型"
          options={options(ID_TYPES, ID_TYPE_LABELS)}
          value={v('applicant.idType')}
          error={e('applicant.idType')}
          emptyLabel="请选择"
        />
        {text('applicant.idNumber', '证件号码', {
          maxlength: 40,
          autocomplete: 'off',
          hint: '居民身份证号码为 18 位，最后一位可能是 X。',
        })}
        {text('applicant.address', '联系地址', { autocomplete: 'street-address', maxlength: 200 })}
      </fieldset>
      <fieldset class="field">
        <legend>申请人是法人或者其他组织的，填写以下内容</legend>
        {text('applicant.creditCode', '统一社会信用代码', {
          maxlength: 40,
          hint: '18 位，印在营业执照或登记证书上。',
        })}
        {text('applicant.legalRepresentative', '法定代表人或者负责人', { maxlength: 60 })}
        {text('applicant.contactName', '联系人', { maxlength: 60 })}
      </fieldset>
      <fieldset class="field">
        <legend>联系方式</legend>
        {text('applicant.phone', '联系电话', {
          required: true,
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'tel',
          maxlength: 30,
        })}
        {text('applicant.email', '电子邮箱', {
          type: 'email',
          autocomplete: 'email',
          maxlength: 120,
          hint: '选择以电子邮件获取信息的必填。',
        })}
        <p class="muted">法人或者其他组织选择邮寄方式的，请在上方“联系地址”中填写收件地址。</p>
      </fieldset>
      <FileField
        name={PROOF_FIELD}
        label="身份证明"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        error={e(PROOF_FIELD)}
        hint={`身份证件或营业执照的照片或扫描件，PDF、JPEG 或 PNG 格式，不超过 ${PROOF_MAX_MB} MB。页面提示错误后，请重新选择文件。`}
      />
      <fieldset class="field" id={fieldId('items')}>
        <legend>所需政府信息</legend>
        {e('items') ? (
          <span class="error-text" id={`${fieldId('items')}-error`}>
            <span class="visually-hidden">错误：</span>
            {e('items')}
          </span>
        ) : null}
        <p class="hint">
          请写明所需信息的名称、文号或者便于查询的其他特征性描述，每项至少填写其中一项。建议一份申请只申请一项政府信息。
        </p>
        {Array.from({ length: p.itemRows }, (_, i) => (
          <fieldset class="field">
            <legend>第 {i + 1} 项</legend>
            {text(`items.${i}.title`, '信息名称', { maxlength: 200 })}
            {text(`items.${i}.documentNumber`, '文号（如有）', { maxlength: 100 })}
            <TextArea
              name={`items.${i}.description`}
              label="内容描述"
              rows={3}
              maxlength={2000}
              value={v(`items.${i}.description`)}
              error={e(`items.${i}.description`)}
            />
          </fieldset>
        ))}
        {p.itemRows < MAX_ITEMS ? (
          <button type="submit" name={ADD_ITEM_FIELD} value="1" class="secondary" formnovalidate>
            再添加一项
          </button>
        ) : null}
      </fieldset>
      <ChoiceGroup
        name="delivery.form"
        label="获取信息的形式"
        required
        options={options(DELIVERY_FORMS, DELIVERY_FORM_LABELS)}
        value={v('delivery.form')}
        error={e('delivery.form')}
      />
      <ChoiceGroup
        name="delivery.method"
        label="获取信息的方式"
        required
        options={options(DELIVERY_METHODS, DELIVERY_METHOD_LABELS)}
        value={v('delivery.method')}
        error={e('delivery.method')}
      />
      <ChoiceGroup
        name="delivery.acceptOther"
        label="其他方式"
        kind="checkbox"
        options={[
          { value: '1', label: '若无法按上述形式和方式提供，也可接受其他适当的形式和方式' },
        ]}
        value={v('delivery.acceptOther')}
      />
      <SubmitButton>{p.submitLabel}</SubmitButton>
    </PostForm>
  );
}
