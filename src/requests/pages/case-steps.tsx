// The case page's working part: the steps allowed now (each a small form that works without
// JavaScript, opened with <details>), the clock's day-by-day explanation, the reply draft,
// and the letters issued with their downloads.
import { addDays } from '../../calendar/dates.js';
import { EMAIL_STATUS_LABELS, type LetterSummary } from '../../letters/issue.js';
import {
  ChoiceGroup,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { outcomeAllowed, TRANSITIONS, type CaseActionType } from '../case.js';
import { formatDayLine, PERIODS, type ClockResult } from '../clock.js';
import { formatYuan } from '../fees.js';
import { OUTCOMES, outcomeDef, isOutcomeKey } from '../outcomes.js';
import type { RequestCase } from '../request.js';
import type { StepField, StepValues } from '../steps/step-forms.js';
import type { ReplyDraft } from '../steps/stored-core.js';

export const stepPath = (id: string, step: CaseActionType) =>
  `/console/requests/${id}/steps/${step}`;
export const letterPath = (id: string, letterId: string, format: 'html' | 'docx') =>
  `/console/requests/${id}/letters/${letterId}.${format}`;

export interface CaseStepsProps {
  c: RequestCase;
  available: readonly CaseActionType[];
  clock: ClockResult | null;
  draft: ReplyDraft | null;
  /** The pending extension request's reason, and the fee of a pending notice. */
  extensionReason: string;
  /** The handler's extension request awaits the office head. */
  extensionPending: boolean;
  feeFen: number | null;
  correctionDeadline: string | null;
  letters: readonly LetterSummary[];
  today: string;
  /** The step whose form was refused: it is shown open, with what was typed and the errors. */
  failed: { step: CaseActionType; values: StepValues; errors: FieldErrors } | null;
  /** Prefills of the reply form (from the agency's guide). */
  replyDefaults: { reconsiderationBody: string; court: string };
}

/** What the button of each step says. */
const BUTTONS: Partial<Record<CaseActionType, string>> = {
  request_correction: '发出补正告知书',
  record_correction: '登记补正',
  send_consultation: '发出征求意见书',
  send_fee_notice: '发出收费通知书',
  approve_extension: '批准并发出延期答复告知书',
  send_reply: '发出答复告知书',
  answer_on_spot: '当场答复并出具答复告知书',
};

/** Reply decisions a form offers: those the closing allows, in table 三's order. */
const outcomesFor = (closure: 'replied' | 'answered_on_spot' | 'transferred') =>
  OUTCOMES.filter((o) => outcomeAllowed(closure, o.key)).map((o) => ({
    value: o.key,
    label: o.fullLabel,
  }));

function dateText(d: string | null | undefined): string {
  return d ?? '—';
}

export function ClockExplanation({ clock }: { clock: ClockResult | null }) {
  if (!clock) return <p>收到申请之日确定后开始计算答复期限。</p>;
  return (
    <details>
      <summary>答复期限的计算（逐日说明）</summary>
      <ul>
        {clock.explanation.map((l) => (
          <li>{formatDayLine(l)}</li>
        ))}
      </ul>
      {clock.notes.map((n) => (
        <p class="muted">{n}</p>
      ))}
    </details>
  );
}

/** The periods that run beside the reply's, where they apply now. */
function Periods({
  c,
  clock,
  correctionDeadline,
}: Pick<CaseStepsProps, 'c' | 'clock' | 'correctionDeadline'>) {
  if (!clock || c.state === 'closed') return null;
  return (
    <ul>
      {c.state === 'registered' ? (
        <li>
          补正告知应在收到申请之日起{PERIODS.correction}个工作日内发出：最后一日为
          {clock.correctionWindowEnds.date}
          {clock.correctionWindowEnds.provisional ? '（暂定）' : ''}。
        </li>
      ) : null}
      {c.state === 'correction_requested' && correctionDeadline ? (
        <li>申请人应在 {correctionDeadline} 前提交补正；补正期间不计算答复期限。</li>
      ) : null}
      {clock.consultationDue ? (
        <li>
          被征求意见方应在{PERIODS.consultation}个工作日内提出意见：最后一日为
          {clock.consultationDue.date}；征求意见所需时间不计入答复期限。
        </li>
      ) : null}
      {clock.feeDue ? (
        <li>
          申请人应在{PERIODS.fee}个工作日内缴纳信息处理费：最后一日为{clock.feeDue.date}
          ；缴费期间不计入答复期限。
        </li>
      ) : null}
      {clock.firstPeriodDue && !clock.extended ? (
        <li>
          如需延期答复，应在原答复期限 {clock.firstPeriodDue.date}{' '}
          前经政府信息公开工作机构负责人同意，最多延长{PERIODS.extension}个工作日。
        </li>
      ) : null}
    </ul>
  );
}

export function DraftFacts({ draft }: { draft: ReplyDraft }) {
  return (
    <dl class="facts">
      <dt>办理结果</dt>
      <dd>{isOutcomeKey(draft.outcome) ? outcomeDef(draft.outcome).fullLabel : draft.outcome}</dd>
      <dt>法律依据</dt>
      <dd>{draft.legalBasis}</dd>
      <dt>理由</dt>
      <dd>{draft.reasons}</dd>
      {draft.provision ? (
        <>
          <dt>提供方式</dt>
          <dd>{draft.provision}</dd>
        </>
      ) : null}
      <dt>救济途径</dt>
      <dd>
        可在收到答复之日起60日内向{draft.reconsiderationBody}申请行政复议，或者在6个月内向
        {draft.court}提起行政诉讼
      </dd>
    </dl>
  );
}

function StepForm(p: CaseStepsProps & { step: CaseActionType }) {
  const { step, c } = p;
  const mine = p.failed?.step === step ? p.failed : null;
  const errors = mine?.errors ?? {};
  const values: StepValues = mine?.values ?? {};
  // Fields of the refused form keep their plain ids (the error summary links to them).
  const id = (f: StepField) => (mine ? undefined : `${step}-${f}`);
  const val = (f: StepField, fallback = '') => values[f] ?? fallback;
  const date = (label = '日期', fallback = p.today) => (
    <TextField
      id={id('date')}
      name="date"
      type="date"
      label={label}
      required
      value={val('date', fallback)}
      error={errors.date}
    />
  );
  const text = (f: StepField, label: string, hint?: string, required = true) => (
    <TextArea
      id={id(f)}
      name={f}
      label={label}
      hint={hint}
      rows={3}
      required={required}
      value={val(f)}
      error={errors[f]}
    />
  );
  const line = (f: StepField, label: string, fallback = '', hint?: string) => (
    <TextField
      id={id(f)}
      name={f}
      label={label}
      hint={hint}
      required
      value={val(f, fallback)}
      error={errors[f]}
    />
  );
  const reply = (closure: 'replied' | 'answered_on_spot') => (
    <>
      <SelectField
        id={id('outcome')}
        name="outcome"
        label="办理结果（只选一项；区分处理的选“部分公开”）"
        required
        emptyLabel="请选择"
        options={outcomesFor(closure)}
        value={val('outcome')}
        error={errors.outcome}
      />
      {line(
        'legalBasis',
        '法律依据',
        '',
        '不填写时按所选办理结果的条款，如《中华人民共和国政府信息公开条例》第三十七条',
      )}
      {text('reasons', '理由（作出该决定的事实和理由）')}
      {text('provision', '提供方式（予以公开、部分公开时填写）', undefined, false)}
      {line('reconsiderationBody', '受理行政复议的机关', p.replyDefaults.reconsiderationBody)}
      {line('court', '有管辖权的人民法院', p.replyDefaults.court)}
    </>
  );
  const fields = (() => {
    switch (step) {
      case 'request_correction':
        return (
          <>
            {date('发出补正告知之日')}
            <TextField
              id={id('deadline')}
              name="deadline"
              type="date"
              label="补正期限（最后一日）"
              required
              value={val('deadline', addDays(p.today, 21))}
              error={errors.deadline}
            />
            {text('items', '需要补正的事项（一次性告知，每行一项）')}
          </>
        );
      case 'record_correction':
        return (
          <>
            {date('收到补正之日')}
            {text('note', '补正内容（邮寄或者当面提交的补正，摘要登记）')}
          </>
        );
      case 'send_consultation':
        return (
          <>
            {date('发出征求意见书之日')}
            <ChoiceGroup
              name="party"
              label="征求意见的对象"
              required
              options={[
                { value: 'third_party', label: '第三方（第三十二条）' },
                { value: 'agency', label: '其他机关（第三十四条，共同制作）' },
              ]}
              value={val('party', 'third_party')}
              error={errors.party}
            />
            {line('partyName', '被征求意见方名称')}
            {text('extract', '征求意见的内容（每行一项；不写申请人的个人信息）')}
          </>
        );
      case 'record_consultation_answer':
        return (
          <>
            {date('收到意见之日')}
            {text('note', '意见摘要')}
          </>
        );
      case 'send_fee_notice':
        return (
          <>
            {date('发出收费通知之日')}
            <ChoiceGroup
              name="method"
              label="收费方式（一件申请只用一种）"
              required
              options={[
                { value: 'per_application', label: '按件计收（同一申请人本月申请件数累计）' },
                { value: 'per_page', label: '按量计收（按页数）' },
              ]}
              value={val('method')}
              error={errors.method}
            />
            <TextField
              id={id('pages')}
              name="pages"
              label="页数（按量计收时填写）"
              inputmode="numeric"
              value={val('pages')}
              error={errors.pages}
            />
            {line(
              'paymentMethod',
              '缴费方式',
              '通过非税收入缴款码缴纳，或到本机关政务服务窗口现场缴纳',
            )}
          </>
        );
      case 'record_fee_payment':
        return (
          <>
            {p.feeFen !== null ? <p>应缴金额：{formatYuan(p.feeFen)}元。</p> : null}
            {date('缴费之日')}
          </>
        );
      case 'request_extension':
        return (
          <>
            {date('申请之日')}
            {text('reason', '延期理由（将写入延期答复告知书）')}
          </>
        );
      case 'approve_extension':
        return (
          <>
            <p>承办人申请延期的理由：{p.extensionReason || '—'}</p>
            {date('批准之日')}
          </>
        );
      case 'refuse_extension':
        return (
          <>
            {date('决定之日')}
            {text('note', '不批准的理由')}
          </>
        );
      case 'draft_reply':
        return reply('replied');
      case 'answer_on_spot':
        return (
          <>
            {date('答复之日（即收到申请之日）', c.receivedOn ?? p.today)}
            {reply('answered_on_spot')}
          </>
        );
      case 'return_draft':
        return text('note', '退回意见');
      case 'send_reply':
        return date('发出答复之日');
      case 'lapse_correction':
        return (
          <>
            <p>补正期限为 {dateText(p.correctionDeadline)}，期满后申请人未补正的，视为放弃申请。</p>
            {date('办结之日')}
          </>
        );
      case 'lapse_fee':
        return (
          <>
            <p>缴费期限为 {dateText(p.clock?.feeDue?.date)}，逾期未缴纳的，视为放弃申请。</p>
            {date('办结之日')}
          </>
        );
      case 'withdraw':
        return (
          <>
            {date('撤回之日')}
            {text('note', '撤回说明（如申请人书面撤回的时间、方式）', undefined, false)}
          </>
        );
      case 'transfer':
        return (
          <>
            {date('转送之日')}
            <SelectField
              id={id('outcome')}
              name="outcome"
              label="办理结果"
              required
              emptyLabel="请选择"
              options={outcomesFor('transferred')}
              value={val('outcome')}
              error={errors.outcome}
            />
            {text('note', '转送的机关或者渠道')}
          </>
        );
      default:
        return null;
    }
  })();
  const label = TRANSITIONS[step].label;
  return (
    <details class="case-step" open={mine ? true : undefined}>
      <summary>{label}</summary>
      <PostForm action={stepPath(c.id, step)} label={label}>
        <input type="hidden" name="version" value={String(c.version)} />
        {fields}
        <SubmitButton>{BUTTONS[step] ?? label}</SubmitButton>
      </PostForm>
    </details>
  );
}

export function CaseSteps(p: CaseStepsProps) {
  // Receipt has its own form above; the applicant's own steps are on the tracking page.
  const steps = p.available.filter((s) => s !== 'confirm_receipt');
  return (
    <>
      <section aria-labelledby="clock-title">
        <h2 id="clock-title">期限</h2>
        <Periods c={p.c} clock={p.clock} correctionDeadline={p.correctionDeadline} />
        {p.extensionPending ? (
          <p class="notice">
            承办人已申请延期答复，等待政府信息公开工作机构负责人审批。延期理由：{p.extensionReason}
          </p>
        ) : null}
        <ClockExplanation clock={p.clock} />
      </section>
      {p.draft && (p.c.state === 'reply_drafted' || p.c.state === 'reply_approved') ? (
        <section aria-labelledby="draft-title">
          <h2 id="draft-title">
            {p.c.state === 'reply_drafted' ? '答复稿（待负责人审核）' : '答复稿（已审核通过）'}
          </h2>
          <DraftFacts draft={p.draft} />
        </section>
      ) : null}
      {p.c.state !== 'closed' && p.c.state !== 'submitted' ? (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">可以办理的事项</h2>
          {steps.length === 0 ? (
            <p>
              当前没有您可以办理的事项
              {p.c.state === 'reply_drafted' ? '（答复稿等待负责人审核）' : ''}。
            </p>
          ) : (
            steps.map((step) => <StepForm {...p} step={step} />)
          )}
        </section>
      ) : null}
      <section aria-labelledby="letters-title">
        <h2 id="letters-title">已出具的文书</h2>
        <LetterTable letters={p.letters} href={(l, f) => letterPath(p.c.id, l.id, f)} staff />
      </section>
    </>
  );
}

/** The letters of a case: staff see the e-mail status too; downloads by link or by form. */
export function LetterTable(p: {
  letters: readonly LetterSummary[];
  href?: (l: LetterSummary, format: 'html' | 'docx') => string;
  download?: (l: LetterSummary) => unknown;
  staff?: boolean;
}) {
  if (p.letters.length === 0) return <p>尚未出具文书。</p>;
  return (
    <table class="data">
      <caption>文书（按出具顺序）</caption>
      <thead>
        <tr>
          <th scope="col">文书</th>
          <th scope="col">文号</th>
          <th scope="col">出具日期</th>
          {p.staff ? <th scope="col">电子邮件送达</th> : null}
          <th scope="col">下载</th>
        </tr>
      </thead>
      <tbody>
        {p.letters.map((l) => (
          <tr>
            <td>{l.name}</td>
            <td>{l.letterNumber}</td>
            <td>{l.issuedOn}</td>
            {p.staff ? <td>{EMAIL_STATUS_LABELS[l.email.status]}</td> : null}
            <td>
              {p.href ? (
                <>
                  <a href={p.href(l, 'html')}>
                    网页版<span class="visually-hidden">（{l.name}）</span>
                  </a>{' '}
                  <a href={p.href(l, 'docx')}>
                    Word 文档<span class="visually-hidden">（{l.name}）</span>
                  </a>
                </>
              ) : (
                p.download?.(l)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
