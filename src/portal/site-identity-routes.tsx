// The console page for the site identity. Every administrator may read it; only the
// platform administrator changes it (one site, one set of numbers).
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requirePermission } from '../auth/guards.js';
import { isPlatformAdmin, platformAdminLabel } from '../auth/platform-admin.js';
import { actorOf } from '../commands/actor.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { NoticeBanner, readNotice, redirectWithNotice } from '../web/notice.js';
import {
  IDENTITY_FORM_FIELDS,
  identityInputSchema,
  identityToForm,
  type IdentityFormValues,
} from './site-identity.js';
import { getSiteIdentity } from './site-identity-repository.js';
import { updateSiteIdentity } from './site-identity-service.js';

export const SITE_IDENTITY_PATH = '/console/site';
const LABELS: Record<keyof IdentityFormValues, string> = {
  siteIdCode: '网站标识码',
  icpNumber: 'ICP备案号',
  psbNumber: '公安机关备案号',
};
const NOTICES = { saved: { '1': '已保存，门户页脚和页面标签已更新。' } };

async function render(
  c: Context<AppEnv>,
  values: IdentityFormValues | null,
  errors: FieldErrors,
  status: 200 | 400 = 200,
) {
  const db = c.get('deps').db.kysely;
  const canChange = await isPlatformAdmin(db, c.get('staff') as StaffSession);
  const v = values ?? identityToForm(await getSiteIdentity(db));
  return c.html(
    <ConsolePage title="网站标识">
      <NoticeBanner message={readNotice(c, NOTICES)} />
      <p>
        网站标识码、ICP备案号和公安机关备案号显示在门户每个页面的页脚，网站标识码同时写入页面标签（SiteIDCode），供政府网站检查和监测使用。
      </p>
      {canChange ? (
        <PostForm action={SITE_IDENTITY_PATH} label="网站标识">
          <ErrorSummary errors={errors} labels={LABELS} />
          <TextField
            name="siteIdCode"
            label={LABELS.siteIdCode}
            value={v.siteIdCode}
            error={errors.siteIdCode}
            maxlength={20}
            hint="政府网站标识码，10 位，如 3702110001；部委网站为 bm 加 8 位数字。不填则不显示"
          />
          <TextField
            name="icpNumber"
            label={LABELS.icpNumber}
            value={v.icpNumber}
            error={errors.icpNumber}
            maxlength={30}
            hint="如 鲁ICP备05012345号-1；页脚链接到工业和信息化部备案查询"
          />
          <TextField
            name="psbNumber"
            label={LABELS.psbNumber}
            value={v.psbNumber}
            error={errors.psbNumber}
            maxlength={40}
            hint="如 鲁公网安备 37021102000123号；页脚链接到全国互联网安全管理服务平台的备案记录"
          />
          <SubmitButton>保存</SubmitButton>
        </PostForm>
      ) : (
        <>
          <p class="notice">
            网站标识全站统一，只有{await platformAdminLabel(db)}可以修改；您可以查看。
          </p>
          <dl class="facts">
            {IDENTITY_FORM_FIELDS.map((k) => (
              <>
                <dt>{LABELS[k]}</dt>
                <dd>{v[k] || <span class="muted">未设置</span>}</dd>
              </>
            ))}
          </dl>
        </>
      )}
    </ConsolePage>,
    status,
  );
}

export function siteIdentityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(SITE_IDENTITY_PATH, requirePermission('site.identity'));

  app.get(SITE_IDENTITY_PATH, (c) => render(c, null, {}));

  app.post(SITE_IDENTITY_PATH, async (c) => {
    const db = c.get('deps').db.kysely;
    const staff = c.get('staff') as StaffSession;
    if (!(await isPlatformAdmin(db, staff)))
      throw new HTTPException(403, {
        message: `网站标识全站统一，只有${await platformAdminLabel(db)}可以修改。`,
      });
    const form = await readForm(c, identityInputSchema, { fields: IDENTITY_FORM_FIELDS });
    if (!form.ok) return render(c, form.values, form.errors, 400);
    const result = await updateSiteIdentity(c.get('deps'), form.data, actorOf(staff));
    if (!result.ok) return render(c, form.values, result.errors, 400);
    return redirectWithNotice(c, SITE_IDENTITY_PATH, 'saved');
  });

  return app;
}
