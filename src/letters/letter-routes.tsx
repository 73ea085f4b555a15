// HTTP for letters: the console pages of an agency's templates (permission
// 'letter.templates': office heads and administrators, on the agency the console works on)
// and the letter stylesheet. Issued letters are served by the feature that owns their case
// (requests), which authorises the case first and then calls letterFile().
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getAgencyById } from '../agencies/agency-repository.js';
import { requirePermission } from '../auth/guards.js';
import { authorize } from '../auth/policy.js';
import { actorOf } from '../commands/actor.js';
import { isoDateCst } from '../portal/dates.js';
import type { AppEnv } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import type { FieldErrors } from '../web/forms.js';
import { readNotice, redirectWithNotice } from '../web/notice.js';
import { mailSettingsOf } from './email-job.js';
import { isLetterKind, type LetterKind } from './kinds.js';
import {
  currentTemplate,
  currentVersions,
  listTemplateVersions,
  templateVersion,
} from './letter-repository.js';
import { LETTER_CSS, LETTER_CSS_FILE, LETTER_CSS_HREF } from './letter-style.js';
import {
  TEMPLATE_PATH_NOTICES,
  TEMPLATES_PATH,
  TemplateEditPage,
  TemplateListPage,
  templatePath,
  TemplateVersionPage,
  TemplateVersionsPage,
  type TemplateFormValues,
} from './pages/template-pages.js';
import { previewDocument } from './render-letter.js';
import {
  effectiveTemplate,
  resetTemplate,
  saveTemplate,
  type EffectiveTemplate,
} from './template-service.js';
import { checkTemplate, TEMPLATE_PARTS, type LetterTemplate } from './template.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

const templateForm = z.object({
  ...Object.fromEntries(TEMPLATE_PARTS.map((p) => [p, z.string()])),
  note: z.string(),
  baseVersion: z.string().regex(/^\d{1,6}$/, '页面已过期，请重新打开模板'),
}) as unknown as z.ZodType<TemplateFormValues>;
const TEMPLATE_FORM = { fields: [...TEMPLATE_PARTS, 'note', 'baseVersion'] as const };

function kindOf(c: Context<AppEnv>): LetterKind | null {
  const kind = c.req.param('kind') ?? '';
  return isLetterKind(kind) ? kind : null;
}

/** The agency the console works on, with the permission checked on it in `mode`. */
async function agencyFor(c: Context<AppEnv>, mode: 'read' | 'write') {
  const current = c.get('staff')?.currentAgencyId;
  const staff = await authorize(c, 'letter.templates', { agencyId: current, mode });
  const agency = await getAgencyById(c.get('deps').db.kysely, staff.currentAgencyId);
  if (!agency) throw new Error('the current agency does not exist');
  return { staff, agency };
}

const toValues = (t: EffectiveTemplate, note = ''): TemplateFormValues => ({
  ...t.template,
  note,
  baseVersion: String(t.version),
});

const templateOf = (v: TemplateFormValues): LetterTemplate =>
  Object.fromEntries(TEMPLATE_PARTS.map((p) => [p, v[p].replace(/\r\n/g, '\n')])) as LetterTemplate;

export function letterRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/static/letters/:file', (c) => {
    const file = c.req.param('file');
    if (!LETTER_CSS_FILE.test(file)) return c.notFound();
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('X-Content-Type-Options', 'nosniff');
    // An older hash (kept in a letter issued before the stylesheet changed) gets today's rules.
    const current = c.req.path === LETTER_CSS_HREF;
    c.header(
      'Cache-Control',
      current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    );
    return c.body(LETTER_CSS);
  });

  app.use(TEMPLATES_PATH, requirePermission('letter.templates'));
  app.use(`${TEMPLATES_PATH}/*`, requirePermission('letter.templates'));

  app.get(TEMPLATES_PATH, async (c) => {
    const { agency } = await agencyFor(c, 'read');
    const { config, db } = c.get('deps');
    const mail = mailSettingsOf(config);
    return c.html(
      <TemplateListPage
        agencyName={agency.fullName}
        templates={await currentVersions(db.kysely, agency.id)}
        emailFrom={mail?.from ?? null}
        notice={readNotice(c, TEMPLATE_PATH_NOTICES)}
      />,
    );
  });

  const renderEdit = async (
    c: Context<AppEnv>,
    kind: LetterKind,
    values: TemplateFormValues | null,
    errors: FieldErrors,
    status: 200 | 400 | 409 = 200,
  ) => {
    const { agency } = await agencyFor(c, 'read');
    const { db, clock } = c.get('deps');
    const current = effectiveTemplate(kind, await currentTemplate(db.kysely, agency.id, kind));
    const shown = values ?? toValues(current);
    const template = templateOf(shown);
    // The preview is shown whenever the text shown can be rendered.
    const renderable = Object.keys(checkTemplate(kind, template)).length === 0;
    const preview = renderable
      ? previewDocument(kind, template, agency, isoDateCst(clock.now()))
      : null;
    return c.html(
      <TemplateEditPage
        kind={kind}
        current={current}
        values={shown}
        errors={errors}
        preview={preview}
        previewCaption={values ? '预览（尚未保存）' : '预览（当前模板）'}
        notice={readNotice(c, TEMPLATE_PATH_NOTICES)}
      />,
      status,
    );
  };

  app.get(`${TEMPLATES_PATH}/:kind`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return c.notFound();
    return renderEdit(c, kind, null, {});
  });

  app.post(`${TEMPLATES_PATH}/:kind/preview`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return c.notFound();
    await agencyFor(c, 'read');
    const form = await readForm(c, templateForm, TEMPLATE_FORM);
    if (!form.ok) return renderEdit(c, kind, form.values, form.errors, 400);
    const errors = checkTemplate(kind, templateOf(form.data));
    return renderEdit(c, kind, form.data, errors, Object.keys(errors).length > 0 ? 400 : 200);
  });

  app.post(`${TEMPLATES_PATH}/:kind`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return c.notFound();
    const { staff, agency } = await agencyFor(c, 'write');
    const form = await readForm(c, templateForm, TEMPLATE_FORM);
    if (!form.ok) return renderEdit(c, kind, form.values, form.errors, 400);
    const result = await saveTemplate(c.get('deps'), actorOf(staff), {
      agencyId: agency.id,
      kind,
      template: templateOf(form.data),
      baseVersion: Number(form.data.baseVersion),
      note: form.data.note,
    });
    if (!result.ok) return renderEdit(c, kind, form.data, result.errors, 400);
    return redirectWithNotice(c, templatePath(kind), 'saved');
  });

  app.post(`${TEMPLATES_PATH}/:kind/reset`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return c.notFound();
    const { staff, agency } = await agencyFor(c, 'write');
    const form = await readForm(c, z.object({ baseVersion: z.string().regex(/^\d{1,6}$/) }), {
      fields: ['baseVersion'] as const,
    });
    if (!form.ok)
      return renderEdit(c, kind, null, { _form: '页面已过期，请重新打开模板后再恢复默认' }, 400);
    const result = await resetTemplate(c.get('deps'), actorOf(staff), {
      agencyId: agency.id,
      kind,
      baseVersion: Number(form.data.baseVersion),
    });
    if (!result.ok) return renderEdit(c, kind, null, result.errors, 409);
    return redirectWithNotice(c, templatePath(kind), 'reset');
  });

  app.get(`${TEMPLATES_PATH}/:kind/versions`, async (c) => {
    const kind = kindOf(c);
    if (!kind) return c.notFound();
    const { agency } = await agencyFor(c, 'read');
    const versions = await listTemplateVersions(c.get('deps').db.kysely, agency.id, kind);
    return c.html(<TemplateVersionsPage kind={kind} versions={versions} />);
  });

  app.get(`${TEMPLATES_PATH}/:kind/versions/:version`, async (c) => {
    const kind = kindOf(c);
    const n = /^\d{1,6}$/.test(c.req.param('version')) ? Number(c.req.param('version')) : null;
    if (!kind || n === null) return c.notFound();
    const { agency } = await agencyFor(c, 'read');
    const { db, clock } = c.get('deps');
    const stored = n === 0 ? null : await templateVersion(db.kysely, agency.id, kind, n);
    if (n !== 0 && !stored) return c.notFound();
    const template = stored?.template ?? DEFAULT_TEMPLATES[kind];
    // An old version may no longer pass today's checks: it is shown as text, previewed if it can be.
    const preview =
      Object.keys(checkTemplate(kind, template)).length === 0
        ? previewDocument(kind, template, agency, isoDateCst(clock.now()))
        : null;
    return c.html(
      <TemplateVersionPage
        kind={kind}
        label={n === 0 ? '系统默认模板' : `第${n}版`}
        template={template}
        preview={preview}
      />,
    );
  });

  return app;
}
