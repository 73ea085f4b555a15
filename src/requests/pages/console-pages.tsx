// Staff pages of request intake: the work list (masked), a case (personal data only on an
// audited request), the registration form for paper, in-person, fax and e-mail applications,
// and the page that hands over a new case's tracking number and access code.
import type { Child } from 'hono/jsx';
import { RequestReviewCases } from '../../review-cases/pages.js';
import type { ReviewCase } from '../../review-cases/review-case.js';
import type { Agency } from '../../agencies/agency.js';
import { chineseDate } from '../../portal/dates.js';
import { DataTable } from '../../web/data-table.js';
import {
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import { Pager } from '../../web/pager.js';
import type { Page } from '../../db/paginate.js';
import { DELIVERY_FORM_LABELS, DELIVERY_METHOD_LABELS } from '../application.js';
import {
  APPLICANT_CATEGORY_LABELS,
  CASE_STATE_LABELS,
  RECEIPT_CHANNEL_LABELS,
  STAFF_REGISTERED_CHANNELS,
  type CaseState,
} from '../case.js';
import type { FormValues } from '../form-values.js';
import { ID_TYPE_LABELS, maskIdNumber, maskName, maskPhone } from '../identity.js';
import {
  stateLabel,
  type ApplicantRecord,
  type RequestCase,
  type RequestEvent,
  type RequestFile,
  type WorkListRow,
} from '../request.js';
import { DUE_STATUS_LABELS, type DueClass } from '../clock.js';
import { isOutcomeKey, outcomeDef } from '../outcomes.js';
import { STORED_EVENT_LABELS } from '../steps/stored-core.js';
import { ApplicationForm } from './application-form.js';
import { CaseSteps, type CaseStepsProps } from './case-steps.js';

export const REQUESTS_PATH = '/console/requests';
export const casePath = (id: string) => `${REQUESTS_PATH}/${id}`;

const dateText = (d: string | null) => (d ? chineseDate(`${d}T00:00:00+08:00`) : '—');

/** What a due mark says beside the date; 未到期 needs no word. */
function markText(mark: DueClass): string | null {
  if (mark.status === 'on_time') return null;
  if (mark.status === 'due_soon')
    return mark.remainingWorkingDays === 0
      ? '今日到期'
      : `${DUE_STATUS_LABELS.due_soon}（剩${mark.remainingWorkingDays}个工作日）`;
  return DUE_STATUS_LABELS[mark.status];
}

/**
 * A due date as staff read it: 暂定 beyond the loaded calendar, and the clock's mark
 * (classifyDue: 已超期, 即将到期, 暂停计时) while the case is open.
 */
export function DueDate(p: {
  receivedOn: string | null;
  dueOn: string | null;
  provisional: boolean;
  mark: DueClass | null;
}) {
  if (!p.receivedOn) return <span class="muted">待确认收到</span>;
  if (!p.dueOn)
    return <span class="muted">{DUE_STATUS_LABELS.awaiting_correction}，补正后重新计算</span>;
  const text = p.mark ? markText(p.mark) : null;
  return (
    <>
      {p.dueOn}
      {p.provisional ? <span class="tag">暂定</span> : null}
      {text ? <span class="tag">{text}</span> : null}
    </>
  );
}

export interface WorkListProps {
  agency: Agency;
  page: Page<WorkListRow>;
  /** The clock's mark of each open case on the page, by case id. */
  marks: ReadonlyMap<string, DueClass>;
  state: CaseState | undefined;
  showClosed: boolean;
  hrefFor(changes: {
    page?: number;
    sort?: 'due' | 'submitted';
    direction?: 'asc' | 'desc';
  }): string;
  sort: 'due' | 'submitted';
  direction: 'asc' | 'desc';
  problems: readonly string[];
}

export function WorkListPage(p: WorkListProps) {
  return (
    <ConsolePage title="依申请公开">
      {p.problems.map((m) => (
        <p class="notice warn">{m}</p>
      ))}
      <p>
        <a class="button" href={`${REQUESTS_PATH}/new`}>
          登记申请（信函、当面、传真、电子邮件）
        </a>
      </p>
      <form method="get" action={REQUESTS_PATH} class="form" aria-label="筛选申请">
        <SelectField
          name="state"
          label="办理状态"
          value={p.state ?? (p.showClosed ? 'all' : '')}
          emptyLabel="未办结的申请"
          options={[
            ...Object.entries(CASE_STATE_LABELS).map(([value, label]) => ({ value, label })),
            { value: 'all', label: '全部（含已办结）' },
          ]}
        />
        <SubmitButton secondary>筛选</SubmitButton>
      </form>
      <DataTable<WorkListRow, 'due' | 'submitted'>
        caption={`${p.agency.fullName}的政府信息公开申请（按答复期限排列，待确认收到的在前；申请人信息已隐去部分）`}
        rows={p.page.rows}
        sorting={{ sort: p.sort, direction: p.direction, hrefFor: p.hrefFor }}
        empty="没有符合条件的申请。"
        columns={[
          {
            label: '查询号',
            cell: (r) => <a href={casePath(r.id)}>{r.trackingNumber}</a>,
          },
          { label: '状态', cell: (r) => stateLabel(r.state) },
          {
            label: '申请人',
            cell: (r) => (
              <>
                {r.maskedName}
                <br />
                <span class="muted">{APPLICANT_CATEGORY_LABELS[r.category]}</span>
              </>
            ),
          },
          { label: '证件号码', cell: (r) => r.maskedId ?? '—' },
          { label: '所需信息', cell: (r) => clip(r.firstItem) },
          { label: '渠道', cell: (r) => RECEIPT_CHANNEL_LABELS[r.channel] },
          { label: '送达日期', cell: (r) => r.submittedOn, sortKey: 'submitted' },
          {
            label: '答复期限',
            sortKey: 'due',
            cell: (r) => (
              <DueDate
                receivedOn={r.receivedOn}
                dueOn={r.dueOn}
                provisional={r.dueProvisional}
                mark={p.marks.get(r.id) ?? null}
              />
            ),
          },
        ]}
      />
      <Pager
        total={p.page.total}
        page={p.page.page}
        pageCount={p.page.pageCount}
        hrefFor={p.hrefFor}
      />
    </ConsolePage>
  );
}

function clip(s: string): string {
  const chars = [...s];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s;
}

export interface CaseItem {
  position: number;
  title: string | null;
  documentNumber: string | null;
  description: string;
}

export interface CasePageProps {
  c: RequestCase;
  /** The retention state and archive link (src/privacy/case-records.tsx). */
  records?: Child;
  items: readonly CaseItem[];
  events: readonly RequestEvent[];
  files: readonly RequestFile[];
  applicant: ApplicantRecord;
  /** True only on the audited POST that opened the personal data. */
  revealed: boolean;
  /** The clock's mark when the case is open and received. */
  mark: DueClass | null;
  today: string;
  notice: string | null;
  errors: FieldErrors;
  confirmValue: string;
  /** The steps allowed now, the clock, the draft and the letters. */
  steps: CaseStepsProps;
  /** The review cases about this request (src/review-cases). */
  reviewCases?: readonly ReviewCase[];
}

function ApplicantFacts({ a, revealed }: { a: ApplicantRecord; revealed: boolean }) {
  const show = (value: string | null, mask: (s: string) => string) =>
    value === null ? '—' : revealed ? value : mask(value);
  const hidden = () => '（已隐去）';
  return (
    <dl class="facts">
      <dt>姓名或者名称</dt>
      <dd>{a.idType === null && a.creditCode ? a.name : show(a.name, maskName)}</dd>
      {a.idType ? (
        <>
          <dt>证件</dt>
          <dd>
            {ID_TYPE_LABELS[a.idType]} {show(a.idNumber, maskIdNumber)}
          </dd>
        </>
      ) : (
        <>
          <dt>统一社会信用代码</dt>
          <dd>{a.creditCode ?? '—'}</dd>
          <dt>法定代表人或者负责人</dt>
          <dd>{show(a.legalRepresentative, maskName)}</dd>
          <dt>联系人</dt>
          <dd>{show(a.contactName, maskName)}</dd>
        </>
      )}
      <dt>联系电话</dt>
      <dd>{show(a.phone, maskPhone)}</dd>
      <dt>联系地址</dt>
      <dd>{show(a.address, hidden)}</dd>
      <dt>电子邮箱</dt>
      <dd>{show(a.email, hidden)}</dd>
    </dl>
  );
}

export function CasePage(p: CasePageProps) {
  const { c } = p;
  return (
    <ConsolePage
      title={`申请 ${c.trackingNumber}`}
      errorSummary={<ErrorSummary errors={p.errors} />}
    >
      <NoticeBanner message={p.notice} />
      <p>
        <a href={REQUESTS_PATH}>返回申请列表</a>
      </p>
      <dl class="facts">
        <dt>办理状态</dt>
        <dd>{stateLabel(c.state)}</dd>
        <dt>申请渠道</dt>
        <dd>{RECEIPT_CHANNEL_LABELS[c.channel]}</dd>
        <dt>申请人类型</dt>
        <dd>{APPLICANT_CATEGORY_LABELS[c.category]}</dd>
        <dt>送达日期</dt>
        <dd>{dateText(c.submittedOn)}</dd>
        <dt>收到申请之日</dt>
        <dd>{c.receivedOn ? dateText(c.receivedOn) : '尚未确认'}</dd>
        <dt>答复期限</dt>
        <dd>
          <DueDate
            receivedOn={c.receivedOn}
            dueOn={c.dueOn}
            provisional={c.dueProvisional}
            mark={p.mark}
          />
        </dd>
        <dt>获取信息的形式和方式</dt>
        <dd>
          {DELIVERY_FORM_LABELS[c.deliveryForm]}，{DELIVERY_METHOD_LABELS[c.deliveryMethod]}
          {c.acceptOtherMeans ? '（也可接受其他方式）' : ''}
        </dd>
        {c.outcome ? (
          <>
            <dt>办理结果</dt>
            <dd>{isOutcomeKey(c.outcome) ? outcomeDef(c.outcome).fullLabel : c.outcome}</dd>
          </>
        ) : null}
      </dl>
      {p.records}
      {c.state === 'submitted' ? (
        <section aria-labelledby="confirm-title">
          <h2 id="confirm-title">确认收到申请</h2>
          <p>
            {c.channel === 'ordinary_letter'
              ? '以平常信函提交的，以本机关与申请人确认之日为收到申请之日（《条例》第三十一条），应当在收到信函当日与申请人确认。'
              : '通过互联网、传真或电子邮件提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。'}
            确认后答复期限开始计算。
          </p>
          <PostForm action={`${casePath(c.id)}/confirm-receipt`} label="确认收到申请">
            <input type="hidden" name="version" value={String(c.version)} />
            <TextField
              name="receivedOn"
              label="确认之日"
              type="date"
              required
              value={p.confirmValue}
              error={p.errors.receivedOn}
            />
            <SubmitButton>确认收到</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      <CaseSteps {...p.steps} />
      <h2>申请人</h2>
      <ApplicantFacts a={p.applicant} revealed={p.revealed} />
      {p.revealed ? (
        <p class="muted">本次查看已记入审计日志。离开本页后信息将重新隐去。</p>
      ) : (
        <PostForm action={`${casePath(c.id)}/personal-data`} label="查看申请人完整信息">
          <p class="muted">
            为保护个人信息，以上信息已隐去部分。办理需要时可查看完整信息，查看将记入审计日志。
          </p>
          <SubmitButton secondary>查看完整信息</SubmitButton>
        </PostForm>
      )}
      <h2>所需政府信息</h2>
      <ol>
        {p.items.map((i) => (
          <li>
            {i.title ? <strong>{i.title}</strong> : null}
            {i.documentNumber ? `（${i.documentNumber}）` : ''}
            {i.description ? <p>{i.description}</p> : null}
          </li>
        ))}
      </ol>
      <h2>身份证明</h2>
      {p.files.length === 0 ? (
        <p>申请人未上传身份证明。</p>
      ) : (
        <ul>
          {p.files.map((f) => (
            <li>
              <PostForm action={`${casePath(c.id)}/files/${f.fileId}`} label={`下载 ${f.filename}`}>
                {f.filename}（{Math.ceil(f.size / 1024)} KB）{' '}
                <SubmitButton secondary>下载（记入审计日志）</SubmitButton>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <RequestReviewCases cases={p.reviewCases ?? []} />
      <h2>办理记录</h2>
      {p.events.length === 0 ? (
        <p>尚无办理事项。</p>
      ) : (
        <table class="data">
          <caption>办理事项（按发生顺序）</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">事项</th>
            </tr>
          </thead>
          <tbody>
            {p.events.map((e) => (
              <tr>
                <td>{e.onDate}</td>
                <td>{STORED_EVENT_LABELS[e.type] ?? e.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsolePage>
  );
}

export function RegisterPage(p: {
  values: FormValues;
  errors: FieldErrors;
  itemRows: number;
  submissionToken: string;
}) {
  const v = (k: string) => p.values[k] ?? '';
  return (
    <ConsolePage title="登记政府信息公开申请">
      <p>
        登记以信函、当面、传真或电子邮件提出的申请，与网上申请使用同一申请表。收到申请之日按《条例》第三十一条确定：当面提交的为提交之日，邮寄需签收的为签收之日；平常信函、传真、电子邮件为与申请人确认之日，尚未确认的可稍后在申请页面确认。
      </p>
      <ApplicationForm
        action={REQUESTS_PATH}
        values={p.values}
        errors={p.errors}
        itemRows={p.itemRows}
        submissionToken={p.submissionToken}
        submitLabel="登记申请"
        intro={
          <fieldset class="field">
            <legend>申请渠道与日期</legend>
            <SelectField
              name="channel"
              label="申请渠道"
              required
              value={v('channel')}
              error={p.errors.channel}
              emptyLabel="请选择"
              options={STAFF_REGISTERED_CHANNELS.map((ch) => ({
                value: ch,
                label: RECEIPT_CHANNEL_LABELS[ch],
              }))}
            />
            <TextField
              name="arrivedOn"
              label="提交、签收或送达之日"
              type="date"
              required
              value={v('arrivedOn')}
              error={p.errors.arrivedOn}
              hint="当面提交的为提交之日；邮寄需签收的为签收之日；平常信函、传真、电子邮件为送达之日。"
            />
            <TextField
              name="confirmedOn"
              label="与申请人确认之日（平常信函、传真、电子邮件已确认的填写）"
              type="date"
              value={v('confirmedOn')}
              error={p.errors.confirmedOn}
            />
          </fieldset>
        }
      />
    </ConsolePage>
  );
}

export function RegisteredPage(p: { id: string; trackingNumber: string; accessCode: string }) {
  return (
    <ConsolePage title="申请已登记">
      <div class="notice ok" role="status">
        <p>申请已登记。</p>
      </div>
      <dl class="facts">
        <dt>查询号</dt>
        <dd>
          <strong>{p.trackingNumber}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong>{p.accessCode}</strong>
        </dd>
      </dl>
      <p>
        请将查询号和查询码告知申请人（写入受理回执或当面告知）。查询码只显示这一次，系统只保存其校验值，无法再次查看。
      </p>
      <p>
        <a href={casePath(p.id)}>查看该申请</a>　<a href={REQUESTS_PATH}>返回申请列表</a>
      </p>
    </ConsolePage>
  );
}
