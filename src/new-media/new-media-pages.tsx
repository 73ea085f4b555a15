// The console forms of the new-media registry: register an account, close one.
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../web/forms.js';
import {
  PLATFORM_LABELS,
  PLATFORMS,
  platformName,
  type AccountFormValues,
  type NewMediaAccount,
} from './new-media.js';

export const ACCOUNT_FIELD_LABELS: Record<keyof AccountFormValues, string> = {
  platform: '平台',
  platformOther: '平台名称（平台选“其他”时填写）',
  name: '账号名称',
  operator: '运营主体',
  openedOn: '开通日期',
};

export function AccountForm(p: { action: string; values: AccountFormValues; errors: FieldErrors }) {
  const { values: v, errors: e } = p;
  const L = ACCOUNT_FIELD_LABELS;
  return (
    <PostForm action={p.action} label="登记政务新媒体账号">
      <ErrorSummary errors={e} labels={L} />
      <SelectField
        name="platform"
        label={L.platform}
        value={v.platform}
        error={e.platform}
        required
        emptyLabel="请选择"
        options={PLATFORMS.map((x) => ({ value: x, label: PLATFORM_LABELS[x] }))}
      />
      <TextField
        name="platformOther"
        label={L.platformOther}
        value={v.platformOther}
        error={e.platformOther}
        maxlength={30}
        hint="如 快手、哔哩哔哩"
      />
      <TextField
        name="name"
        label={L.name}
        value={v.name}
        error={e.name}
        required
        maxlength={60}
        hint="与平台上显示的名称一致，如 卫 您好"
      />
      <TextField
        name="operator"
        label={L.operator}
        value={v.operator}
        error={e.operator}
        required
        maxlength={100}
        hint="开办和运营账号的机关或机构全称"
      />
      <TextField
        name="openedOn"
        label={L.openedOn}
        type="date"
        value={v.openedOn}
        error={e.openedOn}
        required
        hint="格式如 2016-03-01"
      />
      <SubmitButton>登记</SubmitButton>
    </PostForm>
  );
}

export function CloseForm(p: {
  action: string;
  account: NewMediaAccount;
  values: { closedOn: string; reason: string };
  errors: FieldErrors;
}) {
  const { values: v, errors: e } = p;
  return (
    <PostForm action={p.action} label="关停账号">
      <ErrorSummary errors={e} labels={{ closedOn: '关停日期', reason: '关停原因' }} />
      <p>
        关停 {platformName(p.account)}账号「{p.account.name}」（{p.account.openedOn}{' '}
        开通）。关停后，该账号不再列在公开页面上，年度统计计入关停当年。
      </p>
      <TextField
        name="closedOn"
        label="关停日期"
        type="date"
        value={v.closedOn}
        error={e.closedOn}
        required
        hint="格式如 2021-06-30"
      />
      <TextArea
        name="reason"
        label="关停原因"
        value={v.reason}
        error={e.reason}
        required
        rows={3}
        maxlength={500}
        hint="如 长期未更新，按照政务新媒体清理整合要求关停"
      />
      <SubmitButton>确认关停</SubmitButton>
    </PostForm>
  );
}
