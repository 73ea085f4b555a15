// Console pages of proactive disclosure: the list, drafting, the item page with the review,
// publication, withdrawal, validity and channel forms, attachments and the 第二十六条 overdue
// list (the re-check rounds are recheck-routes.tsx). Each handler authorizes first
// (policy.ts), reads the form (form-input.ts), runs one command and redirects with a notice —
// or shows the page again with what was typed and what to fix.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { authorize, authorizeOn, hasPermission, type Permission } from '../auth/policy.js';
import { listAuditEvents } from '../audit/audit-repository.js';
import { loadWorkingCalendar } from '../calendar/calendar-service.js';
import { BLOB_ID } from '../files/blob-storage.js';
import { checkUpload } from '../files/upload-check.js';
import { isoDateCst } from '../portal/dates.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { readForm } from '../web/form-input.js';
import { currentAgency, staffOf } from './console-access.js';
import type { FieldErrors } from '../web/forms.js';
import { oneOf, parseListQuery, type FilterParser } from '../web/list-query.js';
import { readNotice, redirectWithNotice } from '../web/notice.js';
import {
  attachFile,
  changeValidity,
  createDraft,
  detachFile,
  PUBLICATION_SUBJECT,
  publish,
  recordChannels,
  recordReview,
  submitForReview,
  updateDraft,
  withdraw,
  type Staff,
} from './commands.js';
import { isOverdue, publicationDue } from './deadline.js';
import { ATTACHMENT_LIMITS, attachmentStore, MAX_FILES_PER_UPLOAD } from './files.js';
import {
  CATEGORY_CODES,
  channelsInputSchema,
  emptyPublicationForm,
  PUBLICATION_FORM_FIELDS,
  publicationInputSchema,
  publicationToForm,
  reasonSchema,
  RECORDED_CHANNELS,
  reviewInputSchema,
  validityInputSchema,
  VALIDITY_FORM_FIELDS,
  type Publication,
  type PublicationFormValues,
} from './item.js';
import { itemHref } from './pages/catalogue-cards.js';
import { ConsoleListPage } from './pages/console-list-page.js';
import { ItemDetailPage, type FailedForm } from './pages/item-detail-page.js';
import { HISTORY_SIZE } from './pages/item-history.js';
import { ItemFormPage } from './pages/item-form-page.js';
import { OverduePage, type DueRow } from './pages/overdue-page.js';
import { itemPath, OVERDUE_PATH, PUBLICATIONS_PATH } from './paths.js';
import {
  getPublication,
  listAttachments,
  listChannels,
  listForConsole,
  listReviews,
  listUnpublished,
} from './repository.js';
import { availableSteps, isPublic, PUBLICATION_STATES } from './review.js';
import { fileResponse } from './public-routes.js';

const P = PUBLICATIONS_PATH;
const PAGE_SIZE = 30;
const NOT_FOUND = '该信息不存在。';

const NOTICES = {
  done: {
    created: '已保存草稿。可以继续上传附件，或送保密审查。',
    saved: '已保存修改。',
    submitted: '已送保密审查。',
    approved: '已记录审查结论：同意公开。',
    rejected: '已退回草稿，审查意见已告知起草人。',
    published: '已发布，索引号已生成。',
    withdrawn: '已撤回：原网址现只显示撤回说明。',
    validity: '已保存有效性。',
    channels: '已保存发布渠道。',
    attached: '已上传附件。',
    detached: '已删除附件。',
  },
};

/** The item of the path, when `permission` may act on its agency in `mode` (403/404 otherwise). */
async function loadItem(c: Context<AppEnv>, permission: Permission, mode: 'read' | 'write') {
  // The permission is checked before the item is looked up: without it, 403 whatever the id.
  await authorize(c, permission);
  const item = await getPublication(c.get('deps').db.kysely, c.req.param('id') ?? '');
  return authorizeOn(c, permission, item, {
    agencyOf: (p) => p.agencyId,
    mode,
    notFound: NOT_FOUND,
  });
}

const today = (c: Context<AppEnv>) => isoDateCst(c.get('deps').clock.now());

async function renderDetail(
  c: Context<AppEnv>,
  item: Publication,
  staff: StaffSession,
  failed: FailedForm | null = null,
  status: 200 | 400 = 200,
) {
  const deps = c.get('deps');
  const db = deps.db.kysely;
  const [attachments, reviews, channels, agency, history] = await Promise.all([
    listAttachments(db, item.id),
    listReviews(db, item.id),
    listChannels(db, item.id),
    getAgencyById(db, item.agencyId),
    listAuditEvents(db, {
      chainId: item.agencyId,
      subjectType: PUBLICATION_SUBJECT,
      subjectId: item.id,
      direction: 'asc',
      page: 1,
      pageSize: HISTORY_SIZE,
    }),
  ]);
  const isAuthor = item.createdBy === staff.accountId || item.submittedBy === staff.accountId;
  const steps = availableSteps(item.state, { ...staffOf(staff), isAuthor });
  const unpublished = !isPublic(item.state);
  const due = unpublished ? publicationDue(await loadWorkingCalendar(deps), item) : null;
  return c.html(
    <ItemDetailPage
      item={item}
      attachments={attachments}
      reviews={reviews}
      channels={channels}
      history={history}
      steps={steps}
      due={due}
      overdue={due ? isOverdue(due, today(c)) : false}
      publicHref={
        agency && item.state === 'published' && item.urlKey ? itemHref(agency, item) : null
      }
      notice={readNotice(c, NOTICES)}
      failed={failed}
    />,
    status,
  );
}

const yearFilter: FilterParser<string> = (raw) =>
  /^\d{4}$/.test(raw)
    ? { ok: true, value: raw }
    : { ok: false, error: `年份“${raw.slice(0, 20)}”无效，已忽略` };

const FILES_SCHEMA = z.object({
  files: z
    .array(z.instanceof(File))
    .min(1, '请选择要上传的文件')
    .max(MAX_FILES_PER_UPLOAD, `一次最多上传 ${MAX_FILES_PER_UPLOAD} 个文件`),
});

export function publicationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Visitors are sent to sign in; each handler then checks its own permission.

  app.get(P, async (c) => {
    const { staff, agency } = await currentAgency(c, 'console.view', 'read');
    const list = parseListQuery(c.req.path, c.req.query(), {
      filters: {
        state: oneOf('状态', PUBLICATION_STATES),
        category: oneOf('公开类别', CATEGORY_CODES),
        year: yearFilter,
      },
      sorts: ['updated', 'formed', 'published'] as const,
      defaultSort: 'updated',
      defaultDirection: 'desc',
      pageSize: PAGE_SIZE,
    });
    const f = list.filters;
    const page = await listForConsole(c.get('deps').db.kysely, {
      agencyId: agency.id,
      state: f.state,
      category: f.category,
      year: f.year ? Number(f.year) : undefined,
      sort: list.sort,
      direction: list.direction,
      page: list.page,
      pageSize: list.pageSize,
    });
    return c.html(
      <ConsoleListPage
        agencyName={agency.fullName}
        agencyLevel={agency.level}
        page={page}
        filters={f}
        problems={list.problems}
        sort={list.sort}
        direction={list.direction}
        hrefFor={list.hrefFor}
        canDraft={hasPermission(staff, 'publication.draft')}
        notice={readNotice(c, NOTICES)}
        thisYear={Number(today(c).slice(0, 4))}
      />,
    );
  });

  const renderForm = (
    c: Context<AppEnv>,
    agency: Agency,
    target: Publication | null,
    values: PublicationFormValues,
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) =>
    c.html(
      <ItemFormPage
        title={target ? `修改草稿：${target.title}` : '起草主动公开信息'}
        action={target ? itemPath(target.id) : P}
        values={values}
        errors={errors}
        agencyLevel={agency.level}
        submitLabel={target ? '保存修改' : '保存草稿'}
        cancelHref={target ? itemPath(target.id) : P}
      />,
      status,
    );

  app.get(`${P}/new`, async (c) => {
    const { agency } = await currentAgency(c, 'publication.draft', 'write');
    return renderForm(c, agency, null, emptyPublicationForm(agency.fullName), {});
  });

  app.post(P, async (c) => {
    const { staff, agency } = await currentAgency(c, 'publication.draft', 'write');
    const form = await readForm(c, publicationInputSchema, { fields: PUBLICATION_FORM_FIELDS });
    if (!form.ok) return renderForm(c, agency, null, form.values, form.errors, 400);
    const r = await createDraft(c.get('deps'), staffOf(staff), agency, form.data);
    if (!r.ok) return renderForm(c, agency, null, form.values, r.errors, 400);
    return redirectWithNotice(c, itemPath(r.value.id), 'done', 'created');
  });

  // Static paths before `:id`, which would otherwise take them.
  app.get(OVERDUE_PATH, async (c) => {
    const { agency } = await currentAgency(c, 'console.view', 'read');
    const deps = c.get('deps');
    const [items, calendar] = await Promise.all([
      listUnpublished(deps.db.kysely, agency.id),
      loadWorkingCalendar(deps),
    ]);
    const now = today(c);
    const rows: DueRow[] = items
      .map((item) => {
        const due = publicationDue(calendar, item);
        return { item, due, overdue: isOverdue(due, now) };
      })
      .sort((a, b) => a.due.due.localeCompare(b.due.due));
    return c.html(<OverduePage rows={rows} today={now} />);
  });

  app.get(`${P}/:id`, async (c) => {
    const { staff, resource } = await loadItem(c, 'console.view', 'read');
    return renderDetail(c, resource, staff);
  });

  app.get(`${P}/:id/edit`, async (c) => {
    const { resource } = await loadItem(c, 'publication.draft', 'write');
    const agency = await getAgencyById(c.get('deps').db.kysely, resource.agencyId);
    if (!agency) throw new HTTPException(404, { message: NOT_FOUND });
    return renderForm(c, agency, resource, publicationToForm(resource), {});
  });

  app.post(`${P}/:id`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.draft', 'write');
    const agency = await getAgencyById(c.get('deps').db.kysely, resource.agencyId);
    if (!agency) throw new HTTPException(404, { message: NOT_FOUND });
    const form = await readForm(c, publicationInputSchema, { fields: PUBLICATION_FORM_FIELDS });
    if (!form.ok) return renderForm(c, agency, resource, form.values, form.errors, 400);
    const r = await updateDraft(c.get('deps'), staffOf(staff), resource.id, form.data);
    if (!r.ok) return renderForm(c, agency, resource, form.values, r.errors, 400);
    return redirectWithNotice(c, itemPath(resource.id), 'done', 'saved');
  });

  /** A step with no form of its own: a button. */
  const buttonStep = (
    path: string,
    permission: Permission,
    run: (c: Context<AppEnv>, staff: Staff, id: string) => ReturnType<typeof publish>,
    done: keyof (typeof NOTICES)['done'],
  ) =>
    app.post(`${P}/:id/${path}`, async (c) => {
      const { staff, resource } = await loadItem(c, permission, 'write');
      const r = await run(c, staffOf(staff), resource.id);
      if (!r.ok)
        return renderDetail(
          c,
          resource,
          staff,
          { form: 'step', values: {}, errors: r.errors },
          400,
        );
      return redirectWithNotice(c, itemPath(resource.id), 'done', done);
    });

  buttonStep(
    'submit',
    'publication.draft',
    (c, s, id) => submitForReview(c.get('deps'), s, id),
    'submitted',
  );
  buttonStep(
    'publish',
    'publication.publish',
    (c, s, id) => publish(c.get('deps'), s, id),
    'published',
  );

  app.post(`${P}/:id/review`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.review', 'write');
    const form = await readForm(c, reviewInputSchema, { fields: ['decision', 'opinion'] });
    if (!form.ok) return renderDetail(c, resource, staff, { form: 'review', ...form }, 400);
    const r = await recordReview(
      c.get('deps'),
      staffOf(staff),
      resource.id,
      form.data.decision,
      form.data.opinion,
    );
    if (!r.ok)
      return renderDetail(
        c,
        resource,
        staff,
        { form: 'review', values: form.values, errors: r.errors },
        400,
      );
    return redirectWithNotice(
      c,
      itemPath(resource.id),
      'done',
      form.data.decision === 'approve' ? 'approved' : 'rejected',
    );
  });

  app.post(`${P}/:id/withdraw`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.publish', 'write');
    const form = await readForm(c, reasonSchema('撤回说明'), { fields: ['reason'] });
    if (!form.ok) return renderDetail(c, resource, staff, { form: 'withdraw', ...form }, 400);
    const r = await withdraw(c.get('deps'), staffOf(staff), resource.id, form.data.reason);
    if (!r.ok)
      return renderDetail(
        c,
        resource,
        staff,
        { form: 'withdraw', values: form.values, errors: r.errors },
        400,
      );
    return redirectWithNotice(c, itemPath(resource.id), 'done', 'withdrawn');
  });

  app.post(`${P}/:id/validity`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.publish', 'write');
    const form = await readForm(c, validityInputSchema, { fields: VALIDITY_FORM_FIELDS });
    if (!form.ok) return renderDetail(c, resource, staff, { form: 'validity', ...form }, 400);
    const r = await changeValidity(c.get('deps'), staffOf(staff), resource.id, form.data);
    if (!r.ok)
      return renderDetail(
        c,
        resource,
        staff,
        { form: 'validity', values: form.values, errors: r.errors },
        400,
      );
    return redirectWithNotice(c, itemPath(resource.id), 'done', 'validity');
  });

  app.post(`${P}/:id/channels`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.publish', 'write');
    const form = await readForm(c, channelsInputSchema, { fields: RECORDED_CHANNELS });
    if (!form.ok) return renderDetail(c, resource, staff, { form: 'channels', ...form }, 400);
    const r = await recordChannels(c.get('deps'), staffOf(staff), resource.id, form.data);
    if (!r.ok)
      return renderDetail(
        c,
        resource,
        staff,
        { form: 'channels', values: form.values, errors: r.errors },
        400,
      );
    return redirectWithNotice(c, itemPath(resource.id), 'done', 'channels');
  });

  app.post(`${P}/:id/attachments`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.draft', 'write');
    const failed = (errors: FieldErrors) =>
      renderDetail(c, resource, staff, { form: 'attachments', values: {}, errors }, 400);
    const form = await readForm(c, FILES_SCHEMA, { files: ['files'] });
    if (!form.ok) return failed(form.errors);
    if (resource.state !== 'draft') return failed({ files: '只有草稿可以上传附件' });
    // Every file is checked before any is stored: an upload is taken whole or not at all.
    const files = [];
    for (const file of form.data.files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkUpload(bytes, file.name, ATTACHMENT_LIMITS);
      if (!check.ok) return failed({ files: check.message });
      files.push({ bytes, name: file.name });
    }
    const deps = c.get('deps');
    const store = attachmentStore(deps);
    for (const f of files) {
      const stored = await store.put(f.bytes, {
        filename: f.name,
        createdBy: staff.accountId,
        limits: ATTACHMENT_LIMITS,
      });
      const r = await attachFile(deps, staffOf(staff), resource.id, stored);
      if (!r.ok) {
        // The item changed state meanwhile: the file belongs to nothing and goes.
        await store.delete(stored.id);
        return failed({ files: r.errors._form ?? '附件未能保存' });
      }
    }
    return redirectWithNotice(c, itemPath(resource.id), 'done', 'attached');
  });

  app.post(`${P}/:id/attachments/:fileId/delete`, async (c) => {
    const { staff, resource } = await loadItem(c, 'publication.draft', 'write');
    const fileId = c.req.param('fileId') ?? '';
    const deps = c.get('deps');
    const attachment = (await listAttachments(deps.db.kysely, resource.id)).find(
      (a) => a.fileId === fileId,
    );
    if (!attachment) throw new HTTPException(404, { message: '该附件不存在。' });
    const r = await detachFile(deps, staffOf(staff), resource.id, fileId, attachment.filename);
    if (!r.ok)
      return renderDetail(
        c,
        resource,
        staff,
        { form: 'attachments', values: {}, errors: r.errors },
        400,
      );
    await attachmentStore(deps).delete(fileId);
    return redirectWithNotice(c, itemPath(resource.id), 'done', 'detached');
  });

  app.get(`${P}/:id/files/:fileId`, async (c) => {
    const { resource } = await loadItem(c, 'console.view', 'read');
    const fileId = c.req.param('fileId') ?? '';
    const deps = c.get('deps');
    const attached =
      BLOB_ID.test(fileId) &&
      (await listAttachments(deps.db.kysely, resource.id)).some((a) => a.fileId === fileId);
    const stored = attached ? await attachmentStore(deps).get(fileId) : null;
    if (!stored) throw new HTTPException(404, { message: '该附件不存在。' });
    return fileResponse(stored.file, stored.bytes);
  });

  return app;
}
