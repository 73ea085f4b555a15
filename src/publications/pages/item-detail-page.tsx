// An item in the console: where it stands (state, the 第二十六条 clock), its catalogue entry
// and body, its attachments, the review record, the forms of the steps the signed-in
// account may take now (review.ts decides which), and its history.
import { raw } from 'hono/html';
import { beijingTime } from '../../audit/audit-labels.js';
import {
  ChoiceGroup,
  ErrorSummary,
  FileField,
  PostForm,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import type { PublicationDue } from '../deadline.js';
import { chineseDateOf } from '../dates.js';
import { ATTACHMENT_LIMITS, sizeLabel } from '../files.js';
import {
  CHANNEL_LABELS,
  RECORDED_CHANNELS,
  VALIDITIES,
  VALIDITY_LABELS,
  type Attachment,
  type ChannelRecord,
  type Publication,
} from '../item.js';
import { itemPath, PUBLICATIONS_PATH } from '../paths.js';
import type { AuditEvent } from '../../audit/audit-repository.js';
import type { ReviewRecord } from '../repository.js';
import { STATE_LABELS, type PublicationStep } from '../review.js';
import { sanitizeBody } from '../sanitize.js';
import { ItemHistory } from './item-history.js';
import { MetadataBlock } from './metadata.js';

/** Which form on the page failed, with what was typed and what is wrong. */
export interface FailedForm {
  form: 'review' | 'withdraw' | 'validity' | 'channels' | 'attachments' | 'step';
  values: Record<string, string>;
  errors: FieldErrors;
}

export interface ItemDetailProps {
  item: Publication;
  attachments: Attachment[];
  reviews: ReviewRecord[];
  channels: ChannelRecord[];
  /** The item's audit events, oldest first, and how many there are in all. */
  history: { events: AuditEvent[]; total: number };
  steps: PublicationStep[];
  due: PublicationDue | null;
  overdue: boolean;
  publicHref: string | null;
  notice: string | null;
  failed: FailedForm | null;
}

function errorsOf(p: ItemDetailProps, form: FailedForm['form']): FieldErrors {
  return p.failed?.form === form ? p.failed.errors : {};
}
function valueOf(p: ItemDetailProps, form: FailedForm['form'], name: string, fallback = '') {
  return p.failed?.form === form ? (p.failed.values[name] ?? '') : fallback;
}

const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

export function ItemDetailPage(p: ItemDetailProps) {
  const { item, steps } = p;
  const base = itemPath(item.id);
  const can = (s: PublicationStep) => steps.includes(s);
  const channelDate = (c: string) => p.channels.find((r) => r.channel === c)?.publishedOn ?? '';
  return (
    <ConsolePage
      title={item.title}
      errorSummary={p.failed ? <ErrorSummary errors={p.failed.errors} /> : undefined}
    >
      <NoticeBanner message={p.notice} />
      <p>
        <a href={PUBLICATIONS_PATH}>返回主动公开列表</a>
      </p>
      <h2>办理情况</h2>
      <dl class="facts">
        <dt>状态</dt>
        <dd>
          <span class="tag">{STATE_LABELS[item.state]}</span>
        </dd>
        {p.due ? (
          <>
            <dt>公开期限</dt>
            <dd>
              应于 <time datetime={p.due.due}>{chineseDateOf(p.due.due)}</time> 前公开（自
              {chineseDateOf(p.due.from)}起20个工作日，《条例》第二十六条）
              {p.due.provisional ? '；该年度的工作日历尚未导入，期限为暂估' : ''}
              {p.overdue ? <strong>；已逾期</strong> : null}
            </dd>
          </>
        ) : null}
        {p.publicHref ? (
          <>
            <dt>公开网址</dt>
            <dd>
              <a href={p.publicHref}>{p.publicHref}</a>
            </dd>
          </>
        ) : null}
        {item.state === 'withdrawn' ? (
          <>
            <dt>撤回说明</dt>
            <dd>
              {item.withdrawnOn ? `${chineseDateOf(item.withdrawnOn)}撤回：` : ''}
              {item.withdrawalReason}
            </dd>
          </>
        ) : null}
      </dl>

      {can('edit') || can('submit') ? (
        <div>
          {can('edit') ? (
            <p>
              <a class="button secondary" href={`${base}/edit`}>
                修改草稿
              </a>
            </p>
          ) : null}
          {can('submit') ? (
            <PostForm action={`${base}/submit`} label="送保密审查">
              <p>送审后草稿不能再修改；审查驳回后退回草稿。</p>
              <SubmitButton>送保密审查</SubmitButton>
            </PostForm>
          ) : null}
        </div>
      ) : null}

      {can('approve') ? (
        <PostForm action={`${base}/review`} label="保密审查">
          <h2>保密审查</h2>
          <p>
            按照保密要求审查拟公开的信息（含附件）：不得含有国家秘密、工作秘密，不得泄露个人隐私和商业秘密。
          </p>
          <ChoiceGroup
            name="decision"
            label="审查结论"
            required
            value={valueOf(p, 'review', 'decision')}
            error={errorsOf(p, 'review').decision}
            options={[
              { value: 'approve', label: '同意公开' },
              { value: 'reject', label: '不同意公开，退回修改' },
            ]}
          />
          <TextArea
            name="opinion"
            label="审查意见"
            required
            rows={3}
            value={valueOf(p, 'review', 'opinion')}
            error={errorsOf(p, 'review').opinion}
            hint="退回的，写明需要修改的内容"
          />
          <SubmitButton>提交审查结论</SubmitButton>
        </PostForm>
      ) : null}

      {can('publish') ? (
        <PostForm action={`${base}/publish`} label="发布">
          <h2>发布</h2>
          <p>发布后生成索引号，发布日期为今天（系统日期，不能补填）。</p>
          <SubmitButton>发布</SubmitButton>
        </PostForm>
      ) : null}

      <MetadataBlock item={item} headingId="item-metadata" />

      <h2>正文</h2>
      {item.bodyHtml ? (
        <div class="doc-body">{raw(sanitizeBody(item.bodyHtml))}</div>
      ) : (
        <p>（无正文）</p>
      )}

      <h2>附件</h2>
      {p.attachments.length === 0 ? <p>（无附件）</p> : null}
      <ul>
        {p.attachments.map((a) => (
          <li>
            <a href={`${base}/files/${a.fileId}`}>{a.filename}</a>
            <span class="muted">（{sizeLabel(a.size)}）</span>
            {can('edit') ? (
              <PostForm
                action={`${base}/attachments/${a.fileId}/delete`}
                label={`删除附件 ${a.filename}`}
              >
                <button type="submit" class="link-button">
                  删除附件「{a.filename}」
                </button>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
      {can('edit') ? (
        <PostForm action={`${base}/attachments`} multipart label="上传附件">
          <FileField
            name="files"
            label="上传附件"
            multiple
            accept={ACCEPT}
            error={errorsOf(p, 'attachments').files}
            hint={`PDF、Word（.docx）、Excel（.xlsx）或图片（PNG、JPEG），每个不超过 ${sizeLabel(ATTACHMENT_LIMITS.maxBytes)}；按文件内容检查类型`}
          />
          <SubmitButton secondary>上传</SubmitButton>
        </PostForm>
      ) : null}

      {p.reviews.length > 0 ? (
        <>
          <h2>保密审查记录</h2>
          <ol>
            {p.reviews.map((r) => (
              <li>
                {beijingTime(r.decidedAt)}，{r.reviewerLabel}：
                {r.decision === 'approved' ? '同意公开' : '退回修改'}。审查意见：{r.opinion}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {item.state === 'published' || item.state === 'withdrawn' ? (
        <>
          <h2>发布渠道</h2>
          <ul>
            {p.channels.map((c) => (
              <li>
                {CHANNEL_LABELS[c.channel]}：{chineseDateOf(c.publishedOn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {can('record_channels') ? (
        <PostForm action={`${base}/channels`} label="登记发布渠道">
          <h3>登记其他发布渠道</h3>
          <p>
            本平台（政府网站）的发布日期在发布时自动登记。信息同时通过其他渠道发布的，填写发布日期；未发布的留空。
          </p>
          {RECORDED_CHANNELS.map((c) => (
            <TextField
              name={c}
              label={CHANNEL_LABELS[c]}
              type="date"
              value={valueOf(p, 'channels', c, channelDate(c))}
              error={errorsOf(p, 'channels')[c]}
            />
          ))}
          <SubmitButton secondary>保存发布渠道</SubmitButton>
        </PostForm>
      ) : null}

      {can('change_validity') ? (
        <PostForm action={`${base}/validity`} label="变更有效性">
          <h2>有效性</h2>
          <SelectField
            name="validity"
            label="有效性"
            value={valueOf(p, 'validity', 'validity', item.validity)}
            error={errorsOf(p, 'validity').validity}
            options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
          />
          <TextField
            name="validityOn"
            label="日期"
            type="date"
            value={valueOf(p, 'validity', 'validityOn', item.validityOn ?? '')}
            error={errorsOf(p, 'validity').validityOn}
            hint="失效、废止或修改的日期"
          />
          <TextField
            name="replacedBy"
            label="替代文件的索引号"
            value={valueOf(p, 'validity', 'replacedBy', item.replacedBy ?? '')}
            error={errorsOf(p, 'validity').replacedBy}
            hint="被新文件替代的，填写新文件的索引号（须为本机关已发布的信息）"
          />
          <SubmitButton secondary>保存有效性</SubmitButton>
        </PostForm>
      ) : null}

      {can('withdraw') ? (
        <PostForm action={`${base}/withdraw`} label="撤回">
          <h2>撤回</h2>
          <TextArea
            name="reason"
            label="撤回说明"
            required
            rows={3}
            value={valueOf(p, 'withdraw', 'reason')}
            error={errorsOf(p, 'withdraw').reason}
            hint="撤回后原网址只显示撤回说明，不再显示内容。说明将公开显示，请勿填写不宜公开的内容。"
          />
          <SubmitButton secondary>撤回</SubmitButton>
        </PostForm>
      ) : null}

      <ItemHistory events={p.history.events} total={p.history.total} />
    </ConsolePage>
  );
}
