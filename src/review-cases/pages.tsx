// The console forms and tables of review cases: the case form, the decision form, the
// documents, and table 四 of a year as the report will print it.
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
} from '../web/forms.js';
import { sizeLabel } from '../publications/files.js';
import { REVIEW_TABLE } from '../reports/format/common.js';
import type { CaseDocument } from './repository.js';
import {
  BODY_LABELS,
  KIND_LABELS,
  KINDS,
  RESULT_LABELS,
  RESULTS_BY_KIND,
  type CaseFormValues,
  type DecisionFormValues,
  type ReviewCase,
  type ReviewTable,
} from './review-case.js';

export const REVIEW_CASES_PATH = '/console/review-cases';
export const casePath = (id: string) => `${REVIEW_CASES_PATH}/${id}`;

export const CASE_FIELD_LABELS: Record<keyof CaseFormValues, string> = {
  kind: '案件类型',
  trackingNumber: '关联申请的查询号',
  reconsiderationId: '所诉的行政复议案件',
  body: '复议机关或受理法院',
  caseNumber: '案号',
  receivedOn: '收到或立案日期',
  notes: '备注',
  version: '版本',
};

export function CaseForm(p: {
  action: string;
  values: CaseFormValues;
  errors: FieldErrors;
  submit: string;
  /** The agency's reconsiderations, for a lawsuit after reconsideration to follow. */
  reconsiderations: readonly ReviewCase[];
}) {
  const { values: v, errors: e } = p;
  const L = CASE_FIELD_LABELS;
  return (
    <PostForm action={p.action} label={p.submit}>
      <ErrorSummary errors={e} labels={L} />
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      <SelectField
        name="kind"
        label={L.kind}
        value={v.kind}
        error={e.kind}
        required
        emptyLabel="请选择"
        options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      <TextField
        name="trackingNumber"
        label={L.trackingNumber}
        value={v.trackingNumber}
        error={e.trackingNumber}
        maxlength={40}
        hint="案件因本机关办理的某件申请而起时填写，如 GK-DEM0-2021-03；没有则留空"
      />
      <SelectField
        name="reconsiderationId"
        label={L.reconsiderationId}
        value={v.reconsiderationId}
        error={e.reconsiderationId}
        emptyLabel="未在本平台登记或不适用"
        hint="仅“行政诉讼（复议后起诉）”选择：申请人对哪一件行政复议决定不服而起诉。"
        options={p.reconsiderations.map((r) => ({
          value: r.id,
          label: `${r.caseNumber}（${r.body}，${r.receivedOn}收到）`,
        }))}
      />
      <TextField
        name="body"
        label={L.body}
        value={v.body}
        error={e.body}
        required
        maxlength={100}
        hint="行政复议填复议机关，行政诉讼填受理法院，如 青岛市黄岛区人民政府"
      />
      <TextField
        name="caseNumber"
        label={L.caseNumber}
        value={v.caseNumber}
        error={e.caseNumber}
        required
        maxlength={60}
        hint="受理通知书或起诉状副本上的案号"
      />
      <TextField
        name="receivedOn"
        label={L.receivedOn}
        type="date"
        value={v.receivedOn}
        error={e.receivedOn}
        required
        hint="收到复议答复通知书或起诉状副本的日期，格式如 2021-05-20"
      />
      <TextArea
        name="notes"
        label={L.notes}
        value={v.notes}
        error={e.notes}
        rows={3}
        maxlength={2000}
      />
      <SubmitButton>{p.submit}</SubmitButton>
    </PostForm>
  );
}

export const DECISION_FIELD_LABELS = {
  result: '审理结果',
  decidedOn: '结案日期',
  decisionNote: '决定或判决要点',
};

export function DecisionForm(p: {
  action: string;
  kase: ReviewCase;
  values: DecisionFormValues;
  errors: FieldErrors;
}) {
  const { values: v, errors: e, kase } = p;
  const options = [
    ...RESULTS_BY_KIND[kase.kind].map((r) => ({
      value: r.result,
      label: `${RESULT_LABELS[r.result]}（${r.hint}）`,
    })),
    {
      value: 'pending',
      label: `${RESULT_LABELS.pending}（尚未作出决定或判决，或撤回误登记的结果）`,
    },
  ];
  return (
    <PostForm action={p.action} label="登记审理结果">
      <ErrorSummary errors={e} labels={DECISION_FIELD_LABELS} />
      <input type="hidden" name="version" value={v.version ?? String(kase.version)} />
      <ChoiceGroup
        name="result"
        label={DECISION_FIELD_LABELS.result}
        value={v.result}
        error={e.result}
        required
        options={options}
      />
      <TextField
        name="decidedOn"
        label={DECISION_FIELD_LABELS.decidedOn}
        type="date"
        value={v.decidedOn}
        error={e.decidedOn}
        hint="复议决定书或判决书、裁定书的日期；尚未审结时留空"
      />
      <TextArea
        name="decisionNote"
        label={DECISION_FIELD_LABELS.decisionNote}
        value={v.decisionNote}
        error={e.decisionNote}
        rows={3}
        maxlength={2000}
      />
      <SubmitButton>登记结果</SubmitButton>
    </PostForm>
  );
}

export function CaseFacts({
  kase,
  lawsuits = [],
}: {
  kase: ReviewCase;
  /** For a reconsideration: the lawsuits brought after it. */
  lawsuits?: readonly ReviewCase[];
}) {
  return (
    <dl class="facts">
      <dt>案件类型</dt>
      <dd>{KIND_LABELS[kase.kind]}</dd>
      <dt>{BODY_LABELS[kase.kind]}</dt>
      <dd>{kase.body}</dd>
      <dt>案号</dt>
      <dd>{kase.caseNumber}</dd>
      <dt>关联申请</dt>
      <dd>
        {kase.requestId && kase.trackingNumber ? (
          <a href={`/console/requests/${kase.requestId}`}>{kase.trackingNumber}</a>
        ) : (
          '无'
        )}
      </dd>
      {kase.kind === 'litigation_after_reconsideration' ? (
        <>
          <dt>所诉的行政复议案件</dt>
          <dd>
            {kase.reconsiderationId && kase.reconsiderationNumber ? (
              <a href={casePath(kase.reconsiderationId)}>{kase.reconsiderationNumber}</a>
            ) : (
              '未在本平台登记'
            )}
          </dd>
        </>
      ) : null}
      {kase.kind === 'reconsideration' && lawsuits.length > 0 ? (
        <>
          <dt>复议后起诉</dt>
          <dd>
            <ul class="plain">
              {lawsuits.map((l) => (
                <li>
                  <a href={casePath(l.id)}>{l.caseNumber}</a>（{l.body}，{RESULT_LABELS[l.result]}）
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>收到或立案日期</dt>
      <dd>{kase.receivedOn}</dd>
      <dt>审理结果</dt>
      <dd>
        {RESULT_LABELS[kase.result]}
        {kase.decidedOn ? `（${kase.decidedOn}）` : ''}
      </dd>
      {kase.decisionNote ? (
        <>
          <dt>决定或判决要点</dt>
          <dd>{kase.decisionNote}</dd>
        </>
      ) : null}
      {kase.notes ? (
        <>
          <dt>备注</dt>
          <dd>{kase.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function DocumentsSection(p: {
  kase: ReviewCase;
  documents: readonly CaseDocument[];
  error?: string | undefined;
  /** Whether the viewer may add and remove documents (a supervisor only reads them). */
  writable: boolean;
}) {
  const base = casePath(p.kase.id);
  if (!p.writable)
    // The documents carry the applicant's personal data: a reader outside the office sees
    // only how many there are.
    return (
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">案件文书</h2>
        <p>
          {p.documents.length === 0
            ? '尚未上传文书。'
            : `已上传文书${p.documents.length}份；文书含申请人个人信息，仅本机关承办人员可以查阅。`}
        </p>
      </section>
    );
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">案件文书</h2>
      {p.documents.length === 0 ? (
        <p>尚未上传文书。</p>
      ) : (
        <ul>
          {p.documents.map((d) => (
            <li>
              <a href={`${base}/documents/${d.fileId}`}>{d.filename}</a>（{sizeLabel(d.size)}）
              <PostForm
                action={`${base}/documents/${d.fileId}/delete`}
                label={`删除 ${d.filename}`}
              >
                <button type="submit" class="secondary" aria-label={`删除 ${d.filename}`}>
                  删除
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <PostForm action={`${base}/documents`} multipart label="上传案件文书">
        <FileField
          name="files"
          label="上传文书"
          error={p.error}
          multiple
          accept=".pdf,.docx,.png,.jpg,.jpeg"
          hint="复议申请书、答复书、决定书、起诉状、判决书等；PDF、Word 或扫描图片，每个不超过 20 MB。出错后请重新选择文件"
        />
        <SubmitButton secondary>上传</SubmitButton>
      </PostForm>
    </section>
  );
}

/** The groups as the report format names them (行政诉讼 groups under their parent label). */
const GROUP_HEADS = REVIEW_TABLE.groups.map((g) => ({
  key: g.key as keyof ReviewTable,
  label: g.parentLabel ? `${g.parentLabel}：${g.label}` : g.label,
}));

/** Table 四 as computed for a year, one row per group (readable on a phone). */
export function ReviewTableView({ table, year }: { table: ReviewTable; year: number }) {
  return (
    <table class="data">
      <caption>{year} 年政府信息公开行政复议、行政诉讼情况（年度报告表四，由案件登记计算）</caption>
      <thead>
        <tr>
          <th scope="col">类别</th>
          <th scope="col">结果维持</th>
          <th scope="col">结果纠正</th>
          <th scope="col">其他结果</th>
          <th scope="col">尚未审结</th>
          <th scope="col">总计</th>
        </tr>
      </thead>
      <tbody>
        {GROUP_HEADS.map((g) => {
          const r = table[g.key];
          return (
            <tr>
              <th scope="row">{g.label}</th>
              <td>{r.upheld}</td>
              <td>{r.corrected}</td>
              <td>{r.other}</td>
              <td>{r.pending}</td>
              <td>{r.total}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** On a request's console page: the reconsiderations and lawsuits about it, with links. */
export function RequestReviewCases({ cases }: { cases: readonly ReviewCase[] }) {
  return (
    <section aria-labelledby="review-cases-title">
      <h2 id="review-cases-title">行政复议、行政诉讼</h2>
      {cases.length === 0 ? (
        <p class="muted">本申请没有登记行政复议或行政诉讼案件。</p>
      ) : (
        <ul>
          {cases.map((k) => (
            <li>
              <a href={casePath(k.id)}>
                {KIND_LABELS[k.kind]} {k.caseNumber}
              </a>
              （{k.body}，{k.receivedOn}收到，{RESULT_LABELS[k.result]}）
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
