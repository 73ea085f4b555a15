// The upload form of both imports (the catalogue, table 二's yearly figures): one file, and
// whether to check it only or import the rows that pass. One shape, so the two read alike.
import type { Child } from 'hono/jsx';
import {
  ErrorSummary,
  FileField,
  PostForm,
  SubmitButton,
  type FieldErrors,
} from '../../web/forms.js';

export function CheckOrImportForm(props: {
  action: string;
  /** The form's accessible name, e.g. 「导入目录」. */
  label: string;
  /** The file field's label, e.g. 「目录文件」. */
  fileLabel: string;
  errors: FieldErrors;
  /** Options of this import only, shown after the choice of check or import. */
  children?: Child;
}) {
  return (
    <PostForm action={props.action} multipart label={props.label}>
      <ErrorSummary errors={props.errors} />
      <FileField
        name="file"
        label={props.fileLabel}
        accept=".csv,.xlsx"
        error={props.errors.file}
        required
        hint="出错后请重新选择文件"
      />
      <fieldset>
        <legend>操作</legend>
        <label>
          <input type="radio" name="mode" value="check" checked /> 只检查，不导入
        </label>
        <label>
          <input type="radio" name="mode" value="import" /> 导入（有问题的行不导入，其余行全部导入）
        </label>
      </fieldset>
      {props.children}
      <SubmitButton>提交</SubmitButton>
    </PostForm>
  );
}
