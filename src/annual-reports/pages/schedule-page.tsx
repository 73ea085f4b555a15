// The local schedule (《条例》第四十九条 leaves townships' and 街道' dates to the region): an
// administrator of the agency above them sets the day by which their reports are due.
import {
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import { deadlineLabel } from '../deadline.js';
import { SCHEDULE_PATH } from '../paths.js';

export function SchedulePage(p: {
  agencyName: string;
  deadline: string | null;
  value: string | null;
  errors: FieldErrors;
  notice: string | null;
}) {
  return (
    <ConsolePage title="乡镇（街道）年度报告公布时间">
      <NoticeBanner message={p.notice} />
      <ErrorSummary errors={p.errors} labels={{ deadline: '每年截止日期' }} />
      <p>
        县级以上人民政府部门于每年1月31日前、本级政府于3月31日前公布上一年度的年度报告（《条例》第四十九条）；
        {p.agencyName}
        所辖乡镇人民政府和街道办事处的年度报告按这里设置的本地区时间公布，未设置时按1月31日。
      </p>
      <p>当前：{p.deadline ? `每年${deadlineLabel(p.deadline)}前` : '未设置（每年1月31日前）'}。</p>
      <PostForm action={SCHEDULE_PATH} label="设置公布时间">
        <TextField
          name="deadline"
          label="每年截止日期"
          hint="格式为“月-日”，例如 02-15 表示每年2月15日前公布上一年度报告"
          value={p.value ?? p.deadline ?? ''}
          error={p.errors.deadline}
          maxlength={5}
          required
        />
        <SubmitButton>保存公布时间</SubmitButton>
      </PostForm>
    </ConsolePage>
  );
}
