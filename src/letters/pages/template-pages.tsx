// Console pages for an agency's letter templates: the list of kinds with the version in
// force, the editor with a preview rendered from sample values, and the version history.
// Forms post and redirect; the preview is a second submit button (formaction), so
// everything works without JavaScript.
import type { Child } from 'hono/jsx';
import { beijingTime } from '../../audit/audit-labels.js';
import { CsrfField, ErrorSummary, TextArea, TextField, type FieldErrors } from '../../web/forms.js';
import { ConsolePage } from '../../web/layout.js';
import { NoticeBanner } from '../../web/notice.js';
import type { LetterDocument } from '../compose.js';
import { LETTER_KIND_INFO, LETTER_KINDS, type LetterKind } from '../kinds.js';
import { LetterSheet } from '../letter-html.js';
import type { TemplateVersion } from '../letter-repository.js';
import { LETTER_CSS_HREF } from '../letter-style.js';
import { PLACEHOLDERS, placeholdersOf } from '../placeholders.js';
import type { EffectiveTemplate } from '../template-service.js';
import {
  NUMBER_PLACEHOLDERS,
  TEMPLATE_PART_INFO,
  TEMPLATE_PARTS,
  type LetterTemplate,
} from '../template.js';

export const TEMPLATES_PATH = '/console/letters/templates';
export const templatePath = (kind: LetterKind) => `${TEMPLATES_PATH}/${kind}`;

export const TEMPLATE_PATH_NOTICES = {
  saved: { '1': '已保存为新版本。此后出具的文书使用新版本，已出具的文书不变。' },
  reset: { '1': '已恢复默认模板（保存为新版本，历史版本仍保留）。' },
};

export type TemplateFormValues = LetterTemplate & { note: string; baseVersion: string };

const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(TEMPLATE_PARTS.map((p) => [p, TEMPLATE_PART_INFO[p].label])),
  note: '修改说明',
};

function versionLabel(t: { version: number; isDefault: boolean }): string {
  if (t.version === 0) return '系统默认模板';
  return t.isDefault ? `第${t.version}版（恢复默认）` : `第${t.version}版`;
}

function Preview({ doc, caption }: { doc: LetterDocument; caption: string }) {
  return (
    <section class="letter-preview" aria-labelledby="preview-heading">
      <link rel="stylesheet" href={LETTER_CSS_HREF} />
      <h2 id="preview-heading">{caption}</h2>
      <p class="hint">预览使用示例数据；文书编号按本机关今年该类文书的第1号示意。</p>
      <LetterSheet doc={doc} level={2} />
    </section>
  );
}

export function TemplateListPage(p: {
  agencyName: string;
  templates: ReadonlyMap<LetterKind, TemplateVersion>;
  emailFrom: string | null;
  notice: string | null;
}) {
  return (
    <ConsolePage title="文书模板">
      <NoticeBanner message={p.notice} />
      <p class="lead">
        {p.agencyName}
        出具依申请公开文书所用的模板。修改后保存为新版本，此后出具的文书使用新版本；已出具的文书不受影响。
      </p>
      <p class={p.emailFrom ? 'notice' : 'error-text'} role="note">
        {p.emailFrom
          ? `电子邮件送达已开启：申请人选择电子邮件方式的，文书出具后由 ${p.emailFrom} 自动发送，每次发送结果都有记录。`
          : '未配置邮件服务（SMTP_URL、MAIL_FROM），电子邮件送达已关闭：文书出具后须以邮寄、当面送达等其他方式送达申请人。'}
      </p>
      <div class="table-scroll">
        <table class="data">
          <caption>文书种类与当前使用的模板</caption>
          <thead>
            <tr>
              <th scope="col">文书</th>
              <th scope="col">当前模板</th>
              <th scope="col">最近保存</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {LETTER_KINDS.map((kind) => {
              const t = p.templates.get(kind);
              return (
                <tr>
                  <th scope="row">{LETTER_KIND_INFO[kind].name}</th>
                  <td>{t ? versionLabel(t) : '系统默认模板'}</td>
                  <td>{t ? `${beijingTime(t.createdAt)}　${t.createdByLabel}` : '—'}</td>
                  <td>
                    <a
                      href={templatePath(kind)}
                      aria-label={`编辑${LETTER_KIND_INFO[kind].name}模板`}
                    >
                      编辑
                    </a>
                    {'　'}
                    <a
                      href={`${templatePath(kind)}/versions`}
                      aria-label={`${LETTER_KIND_INFO[kind].name}模板的历史版本`}
                    >
                      历史版本
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ConsolePage>
  );
}

function PlaceholderList({ kind }: { kind: LetterKind }) {
  return (
    <details class="placeholder-list">
      <summary>可用的占位符（{LETTER_KIND_INFO[kind].name}）</summary>
      <table class="data">
        <caption>在模板中写 {'{名称}'}，出具时换成该案件的内容</caption>
        <thead>
          <tr>
            <th scope="col">占位符</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {placeholdersOf(kind).map((key) => (
            <tr>
              <td>
                <code>{`{${PLACEHOLDERS[key].name}}`}</code>
              </td>
              <td>{PLACEHOLDERS[key].help}</td>
            </tr>
          ))}
          {Object.values(NUMBER_PLACEHOLDERS).map((name) => (
            <tr>
              <td>
                <code>{`{${name}}`}</code>
              </td>
              <td>只用于“文书编号格式”</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function TemplateEditPage(p: {
  kind: LetterKind;
  current: EffectiveTemplate;
  values: TemplateFormValues;
  errors: FieldErrors;
  preview: LetterDocument | null;
  previewCaption: string;
  notice: string | null;
}) {
  const { kind } = p;
  const action = templatePath(kind);
  const summary = (
    <ErrorSummary errors={p.errors} labels={FIELD_LABELS} title="模板未保存，请修改以下内容" />
  );
  return (
    <ConsolePage title={`编辑文书模板：${LETTER_KIND_INFO[kind].name}`} errorSummary={summary}>
      <NoticeBanner message={p.notice} />
      <p>
        当前使用：{versionLabel(p.current)}。<a href={TEMPLATES_PATH}>返回文书模板列表</a>　
        <a href={`${action}/versions`}>历史版本</a>
      </p>
      <PlaceholderList kind={kind} />
      <form class="form" method="post" action={action} novalidate aria-label="模板内容">
        <CsrfField />
        <input type="hidden" name="baseVersion" value={p.values.baseVersion} />
        {TEMPLATE_PARTS.map((part) => {
          const info = TEMPLATE_PART_INFO[part];
          return info.multiLine ? (
            <TextArea
              name={part}
              label={info.label}
              hint={info.hint}
              value={p.values[part]}
              error={p.errors[part]}
              required={info.required}
              rows={part === 'body' ? 14 : part === 'slip' ? 8 : 3}
            />
          ) : (
            <TextField
              name={part}
              label={info.label}
              hint={info.hint}
              value={p.values[part]}
              error={p.errors[part]}
              required={info.required}
            />
          );
        })}
        <TextField
          name="note"
          label="修改说明"
          hint="可不填，记入历史版本，如“更新复议机关”"
          value={p.values.note}
          error={p.errors.note}
          maxlength={200}
        />
        <div class="actions">
          <button type="submit" class="secondary" formaction={`${action}/preview`}>
            预览
          </button>
          <button type="submit">保存为新版本</button>
        </div>
      </form>
      <form class="form" method="post" action={`${action}/reset`} aria-label="恢复默认模板">
        <CsrfField />
        <input type="hidden" name="baseVersion" value={String(p.current.version)} />
        <p class="hint">恢复默认会把系统默认模板保存为新版本，历史版本仍然保留。</p>
        <button type="submit" class="secondary">
          恢复默认模板
        </button>
      </form>
      {p.preview ? <Preview doc={p.preview} caption={p.previewCaption} /> : null}
    </ConsolePage>
  );
}

export function TemplateVersionsPage(p: {
  kind: LetterKind;
  versions: readonly TemplateVersion[];
}) {
  const path = templatePath(p.kind);
  return (
    <ConsolePage title={`模板历史版本：${LETTER_KIND_INFO[p.kind].name}`}>
      <p>
        <a href={path}>编辑当前模板</a>　<a href={TEMPLATES_PATH}>返回文书模板列表</a>
      </p>
      <div class="table-scroll">
        <table class="data">
          <caption>每次保存都是一个新版本，旧版本不会被覆盖；已出具的文书记录它所用的版本</caption>
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">保存时间（北京时间）</th>
              <th scope="col">保存人</th>
              <th scope="col">修改说明</th>
              <th scope="col">查看</th>
            </tr>
          </thead>
          <tbody>
            {p.versions.map((v) => (
              <tr>
                <td>{versionLabel(v)}</td>
                <td>{beijingTime(v.createdAt)}</td>
                <td>{v.createdByLabel}</td>
                <td>{v.note ?? '—'}</td>
                <td>
                  <a href={`${path}/versions/${v.version}`}>查看第{v.version}版</a>
                </td>
              </tr>
            ))}
            <tr>
              <td>系统默认模板（第0版）</td>
              <td>—</td>
              <td>—</td>
              <td>未修改前使用</td>
              <td>
                <a href={`${path}/versions/0`}>查看默认模板</a>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </ConsolePage>
  );
}

export function TemplateVersionPage(p: {
  kind: LetterKind;
  label: string;
  template: LetterTemplate;
  /** Null when the version no longer passes today's checks (it is still shown as text). */
  preview: LetterDocument | null;
}): Child {
  return (
    <ConsolePage title={`${LETTER_KIND_INFO[p.kind].name}：${p.label}`}>
      <p>
        <a href={`${templatePath(p.kind)}/versions`}>返回历史版本</a>
      </p>
      <dl class="template-text">
        {TEMPLATE_PARTS.filter((part) => p.template[part] !== '').map((part) => (
          <>
            <dt>{TEMPLATE_PART_INFO[part].label}</dt>
            <dd>
              <pre>{p.template[part]}</pre>
            </dd>
          </>
        ))}
      </dl>
      {p.preview ? (
        <Preview doc={p.preview} caption="按此版本出具的样式（示例数据）" />
      ) : (
        <p class="error-text">此版本不符合现行的模板规则，不能再用于出具文书，仅供查阅。</p>
      )}
    </ConsolePage>
  );
}
