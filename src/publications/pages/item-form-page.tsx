// The draft form (new and edit): every catalogue field, Chinese errors beside each field,
// what was typed kept after a failed submit. The body takes plain text or basic HTML.
import { ConsolePage } from '../../web/layout.js';
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { categoriesFor, GENRES, SUBJECTS, type PublicationFormValues } from '../item.js';

export const PUBLICATION_FIELD_LABELS: Record<keyof PublicationFormValues, string> = {
  title: '标题（名称）',
  summary: '内容概述',
  body: '正文',
  issuer: '发布机构',
  documentNumber: '文号',
  writtenOn: '成文日期',
  formedOn: '生成日期',
  changedOn: '变更日期',
  subject: '主题分类',
  genre: '体裁',
  keywords: '关键词',
  category: '公开类别',
};

export function ItemFormPage(p: {
  title: string;
  action: string;
  values: PublicationFormValues;
  errors: FieldErrors;
  agencyLevel: string;
  submitLabel: string;
  cancelHref: string;
}) {
  const { values: v, errors: e } = p;
  const L = PUBLICATION_FIELD_LABELS;
  return (
    <ConsolePage title={p.title} errorSummary={<ErrorSummary errors={e} labels={L} />}>
      <PostForm action={p.action} label={p.submitLabel}>
        <TextField
          name="title"
          label={L.title}
          value={v.title}
          error={e.title}
          required
          maxlength={200}
        />
        <TextArea
          name="summary"
          label={L.summary}
          value={v.summary}
          error={e.summary}
          required
          rows={3}
          hint="一般不超过 300 个字，篇幅很长的文件不超过 500 个字"
        />
        <SelectField
          name="category"
          label={L.category}
          value={v.category}
          error={e.category}
          required
          emptyLabel="请选择"
          hint="《条例》第二十条、第二十一条规定的主动公开类别"
          options={categoriesFor(p.agencyLevel).map((c) => ({ value: c.code, label: c.label }))}
        />
        <TextField
          name="issuer"
          label={L.issuer}
          value={v.issuer}
          error={e.issuer}
          required
          hint="机关全称；联合发文的，写主办（编文号）的机关"
        />
        <TextField
          name="documentNumber"
          label={L.documentNumber}
          value={v.documentNumber}
          error={e.documentNumber}
          hint="如 灵山卫办发〔2021〕12号；没有文号的留空"
        />
        <TextField
          name="writtenOn"
          label={L.writtenOn}
          type="date"
          value={v.writtenOn}
          error={e.writtenOn}
          hint="格式：年-月-日"
        />
        <TextField
          name="formedOn"
          label={L.formedOn}
          type="date"
          value={v.formedOn}
          error={e.formedOn}
          required
          hint="信息形成的日期：自该日起20个工作日内应予公开（第二十六条）"
        />
        <TextField
          name="changedOn"
          label={L.changedOn}
          type="date"
          value={v.changedOn}
          error={e.changedOn}
          hint="信息发生变更的，填写变更之日：公开期限自该日重新计算"
        />
        <SelectField
          name="subject"
          label={L.subject}
          value={v.subject}
          error={e.subject}
          required
          emptyLabel="请选择"
          options={SUBJECTS.map((s) => ({ value: s, label: s }))}
        />
        <SelectField
          name="genre"
          label={L.genre}
          value={v.genre}
          error={e.genre}
          required
          emptyLabel="请选择"
          options={GENRES.map((g) => ({ value: g, label: g }))}
        />
        <TextField
          name="keywords"
          label={L.keywords}
          value={v.keywords}
          error={e.keywords}
          hint="用顿号或空格分隔，如 征地、补偿"
        />
        <TextArea
          name="body"
          label={L.body}
          value={v.body}
          error={e.body}
          rows={16}
          hint="可直接粘贴正文，空一行为一段；也可使用 <p> <h2> <ul> <ol> <table> <a> 等标记。样式、脚本和其他标记在保存时会被去除。附件在保存后上传。"
        />
        <SubmitButton>{p.submitLabel}</SubmitButton>
        <p>
          <a href={p.cancelHref}>取消</a>
        </p>
      </PostForm>
    </ConsolePage>
  );
}
