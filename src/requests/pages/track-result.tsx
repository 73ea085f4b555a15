// The applicant's view of their case, reached with the tracking number AND the access code:
// status, dates, the letters addressed to them (downloaded by a POST that carries the code
// again, never by a link), and — while a correction is asked for — the form to correct.
// No personal data, not even the applicant's own.
import { chineseDate } from '../../portal/dates.js';
import type { LetterSummary } from '../../letters/issue.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  PostForm,
  SubmitButton,
  TextArea,
  type FieldErrors,
} from '../../web/forms.js';
import { PortalPage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import { RECEIPT_CHANNEL_LABELS } from '../case.js';
import { stateLabel, type RequestCase } from '../request.js';
import { PROOF_MAX_MB } from './application-form.js';
import { LetterTable } from './case-steps.js';

export const TRACK_LETTER_PATH = '/requests/track/letter';
export const TRACK_CORRECTION_PATH = '/requests/track/correction';
export const CORRECTION_FILE_FIELD = 'attachment';

const dateText = (d: string | null) => (d ? chineseDate(`${d}T00:00:00+08:00`) : '—');

export interface TrackResultProps {
  agencyName: string;
  c: RequestCase;
  /** The case's letters addressed to the applicant. */
  letters: readonly LetterSummary[];
  /** What the applicant typed to get here: carried by the page's forms, never in a URL. */
  trackingNumber: string;
  accessCode: string;
  correctionDeadline: string | null;
  notice?: string | null;
  errors?: FieldErrors;
  note?: string;
}

function Credentials(p: { trackingNumber: string; accessCode: string }) {
  return (
    <>
      <input type="hidden" name="trackingNumber" value={p.trackingNumber} />
      <input type="hidden" name="accessCode" value={p.accessCode} />
    </>
  );
}

export function TrackResultPage(p: TrackResultProps) {
  const { c } = p;
  const errors = p.errors ?? {};
  return (
    <PortalPage title="办理进度">
      <ErrorSummary errors={errors} />
      <NoticeBanner message={p.notice ?? null} />
      <dl class="facts">
        <dt>查询号</dt>
        <dd>{c.trackingNumber}</dd>
        <dt>受理机关</dt>
        <dd>{p.agencyName}</dd>
        <dt>办理状态</dt>
        <dd>{stateLabel(c.state, 'public')}</dd>
        <dt>申请渠道</dt>
        <dd>{RECEIPT_CHANNEL_LABELS[c.channel]}</dd>
        <dt>提交（送达）日期</dt>
        <dd>{dateText(c.submittedOn)}</dd>
        <dt>收到申请之日</dt>
        <dd>{c.receivedOn ? dateText(c.receivedOn) : '尚待本机关确认'}</dd>
        <dt>答复期限</dt>
        <dd>
          {c.state === 'correction_requested'
            ? '补正后重新计算'
            : c.dueOn
              ? `${dateText(c.dueOn)}${c.dueProvisional ? '（暂定：该年度节假日安排尚未公布）' : ''}${c.extended ? '（已延期）' : ''}`
              : '收到申请之日确定后计算'}
        </dd>
        {c.closedOn ? (
          <>
            <dt>办结日期</dt>
            <dd>{dateText(c.closedOn)}</dd>
          </>
        ) : null}
      </dl>
      {c.state === 'correction_requested' ? (
        <section aria-labelledby="correct-title">
          <h2 id="correct-title">提交补正</h2>
          <p>
            本机关已向您发出补正告知书（见下方文书），请在
            {p.correctionDeadline ? ` ${dateText(p.correctionDeadline)} ` : '补正期限'}
            前按告知书所列事项补正。逾期未补正的，视为放弃申请。
          </p>
          <PostForm action={TRACK_CORRECTION_PATH} multipart label="提交补正">
            <Credentials trackingNumber={p.trackingNumber} accessCode={p.accessCode} />
            <input type="hidden" name="version" value={String(c.version)} />
            <TextArea
              name="note"
              label="补正内容"
              required
              rows={5}
              value={p.note ?? ''}
              error={errors.note}
            />
            <FileField
              name={CORRECTION_FILE_FIELD}
              label="补正材料（可选）"
              accept=".pdf,.jpg,.jpeg,.png"
              hint={`PDF、JPG 或 PNG，不超过 ${PROOF_MAX_MB} MB。提交有误时需要重新选择文件。`}
              error={errors[CORRECTION_FILE_FIELD]}
            />
            <SubmitButton>提交补正</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      <h2>文书</h2>
      {p.letters.length === 0 ? (
        <p>本机关尚未出具文书。收到申请之日确定后，本机关将出具受理回执。</p>
      ) : (
        <LetterTable
          letters={p.letters}
          download={(l) => (
            <form method="post" action={TRACK_LETTER_PATH} aria-label={`下载${l.name}`}>
              <CsrfField />
              <Credentials trackingNumber={p.trackingNumber} accessCode={p.accessCode} />
              <input type="hidden" name="letterId" value={l.id} />
              <button type="submit" class="secondary" name="format" value="html">
                网页版<span class="visually-hidden">（{l.name}）</span>
              </button>{' '}
              <button type="submit" class="secondary" name="format" value="docx">
                Word 文档<span class="visually-hidden">（{l.name}）</span>
              </button>
            </form>
          )}
        />
      )}
      <p>
        <a href="/requests/track">查询其他申请</a>
      </p>
    </PortalPage>
  );
}
