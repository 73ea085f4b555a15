// Console pages for the guide: edit the draft, see what is still missing, publish a new
// version. The agency is the one the console is working on; writing it needs 'guide.edit'.
import { Hono, type Context } from 'hono';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { requirePermission } from '../auth/guards.js';
import { authorize } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { chineseDate } from '../portal/dates.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import { fieldId, PostForm, SubmitButton, type FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import {
  GUIDE_FORM_FIELDS,
  guideInputSchema,
  guideToForm,
  missingFacts,
  type GuideFormValues,
} from './guide.js';
import { GuideForm } from './guide-form.js';
import { getDraft, listVersions } from './guide-repository.js';
import { currentContent, publishGuide, saveGuideDraft } from './guide-service.js';

export const GUIDE_PATH = '/console/guide';
const NOTICES = {
  saved: { '1': '草稿已保存。公众看到的仍是已发布的版本，发布后才会更新。' },
  published: { '1': '已发布新版本的指南。' },
};
const FORM = { fields: GUIDE_FORM_FIELDS };

/** The agency the console works on, when the account may edit its guide (403 otherwise). */
async function editable(c: Context<AppEnv>) {
  const staff = await authorize(c, 'guide.edit');
  await authorize(c, 'guide.edit', { agencyId: staff.currentAgencyId, mode: 'write' });
  const agency = await getAgencyById(c.get('deps').db.kysely, staff.currentAgencyId);
  if (!agency) throw new Error('the current agency of a session no longer exists');
  return { staff, agency };
}

async function renderPage(
  c: Context<AppEnv>,
  agency: Agency,
  values: GuideFormValues | null,
  errors: FieldErrors,
  status: 200 | 400 = 200,
) {
  const db = c.get('deps').db.kysely;
  const [content, versions] = await Promise.all([
    currentContent(db, agency),
    listVersions(db, agency.id),
  ]);
  const missing = missingFacts(content);
  const latest = versions[0];
  const publicUrl = `/agencies/${agency.slug}/guide`;
  return c.html(
    <ConsolePage title="政府信息公开指南">
      <NoticeBanner message={readNotice(c, NOTICES)} />
      <section aria-labelledby="guide-status">
        <h2 id="guide-status">发布情况</h2>
        <p>
          {latest
            ? `现行为第 ${latest.version} 版，发布于${chineseDate(latest.publishedAt)}。`
            : '尚未发布。公众目前看到的是根据登记信息生成的指南，并注明了缺少的内容。'}
          <a href={publicUrl}>查看公开页面</a>
          {versions.length > 0 ? (
            <>
              　<a href={`${publicUrl}/versions`}>历史版本（{versions.length}）</a>
            </>
          ) : null}
        </p>
        {missing.length > 0 ? (
          <div class="notice notice-warning" role="note">
            <p>发布前还需填写以下内容：</p>
            <ul>
              {missing.map((m) => (
                <li>
                  <a href={`#${fieldId(m.field)}`}>{m.fix}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="notice">必填内容已齐全，保存草稿后可以发布新版本。</p>
        )}
        <PostForm action={`${GUIDE_PATH}/publish`} label="发布指南">
          {errors._form ? (
            <p class="error-text" role="alert">
              {errors._form}
            </p>
          ) : null}
          <p class="hint">发布以已保存的草稿为准；发布后旧版本仍可在历史版本中查阅。</p>
          <SubmitButton>发布新版本</SubmitButton>
        </PostForm>
      </section>
      <h2>编辑草稿</h2>
      <GuideForm
        action={GUIDE_PATH}
        values={values ?? guideToForm(agency.office, await getDraft(db, agency.id))}
        errors={errors._form ? { ...errors, _form: undefined } : errors}
      />
    </ConsolePage>,
    status,
  );
}

export function guideRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(GUIDE_PATH, requirePermission('guide.edit'));
  app.use(`${GUIDE_PATH}/*`, requirePermission('guide.edit'));

  app.get(GUIDE_PATH, async (c) => {
    const { agency } = await editable(c);
    return renderPage(c, agency, null, {});
  });

  app.post(GUIDE_PATH, async (c) => {
    const { staff, agency } = await editable(c);
    const form = await readForm(c, guideInputSchema, FORM);
    if (!form.ok) return renderPage(c, agency, form.values, form.errors, 400);
    const result = await saveGuideDraft(c.get('deps'), agency.id, form.data, actorOf(staff));
    if (!result.ok) return renderPage(c, agency, form.values, result.errors, 400);
    return redirectWithNotice(c, GUIDE_PATH, 'saved');
  });

  app.post(`${GUIDE_PATH}/publish`, async (c) => {
    const { staff, agency } = await editable(c);
    const result = await publishGuide(c.get('deps'), agency.id, actorOf(staff));
    if (!result.ok) return renderPage(c, agency, null, result.errors, 400);
    return redirectWithNotice(c, GUIDE_PATH, 'published');
  });

  return app;
}
