// The console's guide form: the disclosure office's contacts (the same columns the agency
// form edits) and the guide's own fields. Errors beside each field, values kept.
import {
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../web/forms.js';
import type { GuideFormValues } from './guide.js';

export const GUIDE_FIELD_LABELS: Record<keyof GuideFormValues, string> = {
  officeName: '政府信息公开工作机构名称',
  officeAddress: '办公地址',
  officeHours: '办公时间',
  officePhone: '联系电话',
  officeFax: '传真',
  officeEmail: '电子邮箱',
  officeWebsite: '网址',
  postcode: '邮政编码',
  onlineFormUrl: '网上申请地址',
  competentOffice: '政府信息公开工作主管部门',
  reconsiderationBody: '行政复议机关',
  arrangementNote: '信息分类与编排的补充说明',
  otherNote: '其他说明',
};

export function GuideForm(props: { action: string; values: GuideFormValues; errors: FieldErrors }) {
  const { values: v, errors: e } = props;
  const L = GUIDE_FIELD_LABELS;
  const text = (
    name: keyof GuideFormValues,
    opts: {
      hint?: string;
      type?: 'text' | 'tel' | 'email' | 'url';
      max: number;
      required?: boolean;
    },
  ) => (
    <TextField
      name={name}
      label={L[name]}
      value={v[name]}
      error={e[name]}
      hint={opts.hint}
      type={opts.type}
      maxlength={opts.max}
      required={opts.required}
    />
  );
  return (
    <PostForm action={props.action} label="编辑指南">
      <ErrorSummary errors={e} labels={L} />
      <h2>政府信息公开工作机构</h2>
      <p class="hint">这些信息同时显示在本机关专栏首页和依申请公开页面。</p>
      {text('officeName', {
        max: 60,
        required: true,
        hint: '承担政府信息公开日常工作的具体机构，如 综合办公室；不要只写“政府信息公开工作机构”',
      })}
      {text('officeAddress', { max: 200, required: true, hint: '当面提交和邮寄申请的地址' })}
      {text('postcode', { max: 6, hint: '6 位数字，如 266400' })}
      {text('officeHours', {
        max: 200,
        required: true,
        hint: '如 法定工作日 上午9:00—12:00，下午13:30—17:00',
      })}
      {text('officePhone', { max: 40, type: 'tel', required: true, hint: '如 0532-83185761' })}
      {text('officeFax', { max: 40, type: 'tel', hint: '填写后，传真即列为申请渠道' })}
      {text('officeEmail', {
        max: 120,
        type: 'email',
        hint: '填写后，电子邮件即列为申请渠道',
      })}
      {text('officeWebsite', { max: 200, type: 'url', hint: '以 https:// 开头' })}
      {text('onlineFormUrl', {
        max: 200,
        hint: '不填则使用本平台的网上申请表（本机关专栏“依申请公开”中的“网上申请”）；使用其他网上申请系统的，填写其地址，以 https:// 开头',
      })}
      <h2>监督和救济</h2>
      {text('competentOffice', {
        max: 100,
        required: true,
        hint: '受理投诉、举报的政府信息公开工作主管部门，如 青岛市黄岛区人民政府办公室',
      })}
      {text('reconsiderationBody', {
        max: 100,
        hint: '如 青岛市黄岛区人民政府；不填则只写明申请期限',
      })}
      <h2>补充说明</h2>
      <TextArea
        name="arrangementNote"
        label={L.arrangementNote}
        value={v.arrangementNote}
        error={e.arrangementNote}
        maxlength={2000}
        rows={4}
        hint="本机关主动公开基本目录的分类编排等，每段一行"
      />
      <TextArea
        name="otherNote"
        label={L.otherNote}
        value={v.otherNote}
        error={e.otherNote}
        maxlength={2000}
        rows={4}
      />
      <SubmitButton>保存草稿</SubmitButton>
    </PostForm>
  );
}
