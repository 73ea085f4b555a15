// Re-check rounds (清查) of published items: the list with a form to start one and one to set
// the agency's rhythm of scheduled rounds. A round's own page is recheck-round-page.tsx.
import { beijingTime } from '../../audit/audit-labels.js';
import { DataTable } from '../../web/data-table.js';
import {
  ChoiceGroup,
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import { PUBLICATIONS_PATH, RECHECK_RHYTHM_PATH, RECHECKS_PATH, recheckPath } from '../paths.js';
import { RECHECK_RHYTHM_LABELS, RECHECK_RHYTHMS } from '../recheck-period.js';
import type { Recheck } from '../repository.js';

const RHYTHM_OPTIONS = RECHECK_RHYTHMS.map((r) => ({ value: r, label: RECHECK_RHYTHM_LABELS[r] }));

export function RechecksPage(p: {
  rounds: Recheck[];
  /** Whether the signed-in staff may start rounds and set the rhythm (保密审查员). */
  canStart: boolean;
  /** What the schedule does for this agency (recheck-period.ts recheckScheduleNote). */
  scheduleNote: string;
  /** What the two forms show: as stored, or as typed when a post was refused. */
  values: { title: string; rhythm: string };
  errors: FieldErrors;
  notice: string | null;
}) {
  return (
    <ConsolePage title="已公开信息清查" errorSummary={<ErrorSummary errors={p.errors} />}>
      <NoticeBanner message={p.notice} />
      <p>
        <a href={PUBLICATIONS_PATH}>返回主动公开列表</a>
      </p>
      <p>
        定期对已经公开的政府信息进行清查：逐条核查是否仍宜公开，对不宜继续公开的及时撤回，撤回后原网址显示撤回说明。
      </p>
      <p id="recheck-schedule">{p.scheduleNote}</p>
      {p.canStart ? (
        <PostForm action={RECHECK_RHYTHM_PATH} label="设置清查周期">
          <ChoiceGroup
            name="rhythm"
            label="清查周期"
            required
            value={p.values.rhythm}
            error={p.errors.rhythm}
            hint="每季度、每半年、每年：每期首日起系统自动发起一次清查，本期已发起过的不再发起；不定期：系统不自动发起，由保密审查员根据需要手动发起"
            options={RHYTHM_OPTIONS}
          />
          <SubmitButton secondary>保存清查周期</SubmitButton>
        </PostForm>
      ) : null}
      {p.canStart ? (
        <PostForm action={RECHECKS_PATH} label="发起清查">
          <TextField
            name="title"
            label="清查名称"
            required
            value={p.values.title}
            error={p.errors.title}
            hint="如 2021年度已公开信息清查；发起时本机关全部已发布的信息列入清查"
          />
          <SubmitButton>发起清查</SubmitButton>
        </PostForm>
      ) : null}
      <DataTable<Recheck>
        caption="清查记录"
        rows={p.rounds}
        empty="尚未进行过清查。"
        columns={[
          { label: '名称', cell: (r) => <a href={recheckPath(r.id)}>{r.title}</a> },
          { label: '发起', cell: (r) => `${beijingTime(r.createdAt)}，${r.createdByLabel}` },
          { label: '进度', cell: (r) => `${r.decided}/${r.total}` },
          {
            label: '完成时间',
            cell: (r) => (r.completedAt ? beijingTime(r.completedAt) : '进行中'),
          },
        ]}
      />
    </ConsolePage>
  );
}
