// Console pages of re-check rounds (清查): the rounds with the forms to start one and to set
// the agency's rhythm; a round a page at a time (filter, search, counts) with the bulk
// 「继续公开」; an item of a round with its finding form (keep, or withdraw with the notice).
// The round page's query travels as `back` through every link and form and is read again
// by the list's own rules, so an action returns to the same page and can redirect nowhere
// else.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Agency } from '../agencies/agency.js';
import { authorize, authorizeOn, hasPermission, type Permission } from '../auth/policy.js';
import { singleLine } from '../validation/text-input.js';
import type { AppEnv, StaffSession } from '../web/env.js';
import { parseForm, readForm } from '../web/form-input.js';
import type { FieldErrors } from '../web/forms.js';
import { oneOf, parseListQuery, searchText } from '../web/list-query.js';
import { readNotice, redirectWithNotice, type NoticeRegistry } from '../web/notice.js';
import {
  changeRecheckRhythm,
  createRecheck,
  decideRecheck,
  keepRecheckEntries,
} from './commands.js';
import { currentAgency, staffOf } from './console-access.js';
import { reasonSchema } from './item.js';
import { RechecksPage } from './pages/recheck-pages.js';
import { findingFields, RecheckItemPage } from './pages/recheck-item-page.js';
import { RecheckRoundPage, type BulkKeepForm } from './pages/recheck-round-page.js';
import { RECHECK_RHYTHM_PATH, recheckPath, RECHECKS_PATH } from './paths.js';
import { bulkKeepCountProblem, MAX_BULK_KEEP, RECHECK_OUTCOMES } from './recheck-outcome.js';
import {
  DEFAULT_RECHECK_RHYTHM,
  RECHECK_RHYTHM_LABELS,
  RECHECK_RHYTHMS,
  recheckPeriodOf,
  recheckScheduleNote,
} from './recheck-period.js';
import {
  getRecheck,
  getRecheckEntryDetail,
  getRecheckRhythm,
  hasPublished,
  listRecheckEntries,
  listRechecks,
  recheckOutcomeCounts,
  type Recheck,
} from './repository.js';

const NOTICES: NoticeRegistry = {
  done: {
    recheck: '已发起清查。',
    rhythm: '已保存清查周期。',
    rhythm_unchanged: '清查周期未改变。',
    decided: '已保存清查结论。',
    completed: '已保存清查结论，本次清查已全部完成。',
  },
  kept: {
    pattern: new RegExp(`[1-9]\\d{0,${String(MAX_BULK_KEEP).length - 1}}`),
    message: (n) => `已将所勾选的 ${n} 条信息记录为继续公开。`,
  },
};

const ROUND_NOT_FOUND = '该清查不存在。';

const RECHECK_SCHEMA = z.object({
  title: singleLine('清查名称').min(2, '请填写清查名称').max(60, '清查名称不能超过 60 个字'),
});

const RHYTHM_CHOICES = RECHECK_RHYTHMS.map((r) => RECHECK_RHYTHM_LABELS[r]).join('、');
const RHYTHM_SCHEMA = z.object({
  rhythm: z.enum(RECHECK_RHYTHMS, {
    error: (issue) =>
      typeof issue.input === 'string' && issue.input !== ''
        ? `“${issue.input.slice(0, 20)}”不是可选的清查周期，请在${RHYTHM_CHOICES}中选择`
        : `请选择清查周期（${RHYTHM_CHOICES}）`,
  }),
});

/** The round page's list: filters, order and page size (paged and filtered in SQL). */
const ROUND_LIST = {
  filters: {
    outcome: oneOf('清查结论', RECHECK_OUTCOMES),
    q: searchText('标题、索引号或文号'),
  },
  sorts: ['published'] as const,
  defaultSort: 'published' as const,
  defaultDirection: 'asc' as const,
  pageSize: 50,
};

/** Longer than any query the round page writes: anything longer is not one of its links. */
const MAX_BACK = 300;

const roundList = (roundId: string, query: Readonly<Record<string, string | undefined>>) =>
  parseListQuery(recheckPath(roundId), query, ROUND_LIST);

/** The round's list as `back` (a posted or linked query string) describes it. */
function listFromBack(roundId: string, back: string | undefined) {
  const raw = back && back.length <= MAX_BACK ? back : '';
  return roundList(roundId, Object.fromEntries(new URLSearchParams(raw)));
}

/** The query part of a list link: what `back` carries. */
const queryOf = (href: string) => (href.includes('?') ? href.slice(href.indexOf('?') + 1) : '');

const BULK_SCHEMA = z
  .object({
    items: z.array(z.string()),
    opinion: reasonSchema('清查意见').shape.reason,
    back: z.string(),
  })
  .superRefine((v, ctx) => {
    const problem = bulkKeepCountProblem(new Set(v.items).size);
    if (problem) ctx.addIssue({ code: 'custom', path: ['items'], message: problem });
  });

export function recheckRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The rounds page; `typed` is what a refused post carried (the rest shows as stored). */
  const renderRechecks = async (
    c: Context<AppEnv>,
    staff: StaffSession,
    agency: Agency,
    typed: { title?: string; rhythm?: string },
    errors: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const { db, clock } = c.get('deps');
    const [rounds, stored, published] = await Promise.all([
      listRechecks(db.kysely, agency.id),
      getRecheckRhythm(db.kysely, agency.id),
      hasPublished(db.kysely, agency.id),
    ]);
    const rhythm = stored ?? DEFAULT_RECHECK_RHYTHM;
    const now = clock.now();
    const period = recheckPeriodOf(rhythm, now);
    return c.html(
      <RechecksPage
        rounds={rounds}
        canStart={hasPermission(staff, 'publication.review')}
        scheduleNote={recheckScheduleNote(rhythm, now, {
          roundThisPeriod: period !== null && rounds.some((r) => r.createdAt >= period.since),
          hasPublished: published,
        })}
        values={{ title: typed.title ?? '', rhythm: typed.rhythm ?? rhythm }}
        errors={errors}
        notice={readNotice(c, NOTICES)}
      />,
      status,
    );
  };

  app.get(RECHECKS_PATH, async (c) => {
    const { staff, agency } = await currentAgency(c, 'console.view', 'read');
    return renderRechecks(c, staff, agency, {}, {});
  });

  app.post(RECHECKS_PATH, async (c) => {
    const { staff, agency } = await currentAgency(c, 'publication.review', 'write');
    const form = await readForm(c, RECHECK_SCHEMA, { fields: ['title'] });
    if (!form.ok) return renderRechecks(c, staff, agency, form.values, form.errors, 400);
    const r = await createRecheck(c.get('deps'), staffOf(staff), agency.id, form.data.title);
    if (!r.ok) return renderRechecks(c, staff, agency, form.values, r.errors, 400);
    return redirectWithNotice(c, recheckPath(r.value.id), 'done', 'recheck');
  });

  // Before `:id` routes: `rhythm` is not a round.
  app.post(RECHECK_RHYTHM_PATH, async (c) => {
    const { staff, agency } = await currentAgency(c, 'publication.review', 'write');
    const form = await readForm(c, RHYTHM_SCHEMA, { fields: ['rhythm'] });
    if (!form.ok) return renderRechecks(c, staff, agency, form.values, form.errors, 400);
    const r = await changeRecheckRhythm(c.get('deps'), staffOf(staff), agency.id, form.data.rhythm);
    if (!r.ok) return renderRechecks(c, staff, agency, form.values, r.errors, 400);
    return redirectWithNotice(
      c,
      RECHECKS_PATH,
      'done',
      r.value.changed ? 'rhythm' : 'rhythm_unchanged',
    );
  });

  /** The round of the path, when `permission` may act on its agency in `mode` (403/404 otherwise). */
  const loadRecheck = async (
    c: Context<AppEnv>,
    permission: Permission,
    mode: 'read' | 'write',
  ) => {
    // The permission first: without it, 403 whatever the id.
    await authorize(c, permission);
    const round = await getRecheck(c.get('deps').db.kysely, c.req.param('id') ?? '');
    return authorizeOn(c, permission, round, {
      agencyOf: (r) => r.agencyId,
      mode,
      notFound: ROUND_NOT_FOUND,
    });
  };

  const renderRound = async (
    c: Context<AppEnv>,
    staff: StaffSession,
    round: Recheck,
    list: ReturnType<typeof roundList>,
    bulk: BulkKeepForm | null = null,
    status: 200 | 400 = 200,
  ) => {
    const db = c.get('deps').db.kysely;
    const { outcome, q } = list.filters;
    const [page, counts] = await Promise.all([
      listRecheckEntries(db, round.id, {
        outcome,
        text: q,
        direction: list.direction,
        page: list.page,
        pageSize: list.pageSize,
      }),
      recheckOutcomeCounts(db, round.id, q),
    ]);
    return c.html(
      <RecheckRoundPage
        round={round}
        page={page}
        counts={counts}
        filters={list.filters}
        problems={list.problems}
        direction={list.direction}
        hrefFor={list.hrefFor}
        // The page actually shown (the last one when the asked one is past the end).
        back={queryOf(list.hrefFor({ page: page.page }))}
        canDecide={hasPermission(staff, 'publication.review')}
        bulk={bulk}
        notice={readNotice(c, NOTICES)}
      />,
      status,
    );
  };

  app.get(`${RECHECKS_PATH}/:id`, async (c) => {
    const { staff, resource } = await loadRecheck(c, 'console.view', 'read');
    return renderRound(c, staff, resource, roundList(resource.id, c.req.query()));
  });

  app.post(`${RECHECKS_PATH}/:id/keep`, async (c) => {
    const { staff, resource } = await loadRecheck(c, 'publication.review', 'write');
    const form = await readForm(c, BULK_SCHEMA, { fields: ['opinion', 'back'], arrays: ['items'] });
    const list = listFromBack(resource.id, form.values.back);
    const refused = (errors: FieldErrors) =>
      renderRound(c, staff, resource, list, { values: form.values, errors }, 400);
    if (!form.ok) return refused(form.errors);
    const r = await keepRecheckEntries(
      c.get('deps'),
      staffOf(staff),
      resource.id,
      form.data.items,
      form.data.opinion,
    );
    if (!r.ok) return refused(r.errors);
    const back = list.hrefFor({});
    return r.value.completed
      ? redirectWithNotice(c, back, 'done', 'completed')
      : redirectWithNotice(c, back, 'kept', String(r.value.kept));
  });

  /** The round, the item's entry and the round page to go back to; 404 when not in the round. */
  const loadEntry = async (c: Context<AppEnv>, back: string | undefined) => {
    const { staff, resource } = await loadRecheck(c, 'publication.review', 'write');
    const entry = await getRecheckEntryDetail(
      c.get('deps').db.kysely,
      resource.id,
      c.req.param('itemId') ?? '',
    );
    if (!entry) throw new HTTPException(404, { message: '该信息不在本次清查范围内。' });
    return { staff, round: resource, entry, list: listFromBack(resource.id, back) };
  };

  const renderItem = (
    c: Context<AppEnv>,
    loaded: Awaited<ReturnType<typeof loadEntry>>,
    failed: { values: Record<string, string>; errors: FieldErrors } | null = null,
    status: 200 | 400 = 200,
  ) => {
    const roundHref = loaded.list.hrefFor({});
    return c.html(
      <RecheckItemPage
        round={loaded.round}
        entry={loaded.entry}
        roundHref={roundHref}
        back={queryOf(roundHref)}
        failed={failed}
      />,
      status,
    );
  };

  // The same permission as the finding it leads to: the page is the form.
  app.get(`${RECHECKS_PATH}/:id/items/:itemId`, async (c) =>
    renderItem(c, await loadEntry(c, c.req.query('back'))),
  );

  app.post(`${RECHECKS_PATH}/:id/items/:itemId`, async (c) => {
    // The permission before the body is read; the entry once it is known to be asked for.
    await authorize(c, 'publication.review');
    const body = await c.req.parseBody({ all: true });
    const back = typeof body.back === 'string' ? body.back : undefined;
    const loaded = await loadEntry(c, back);
    const itemId = loaded.entry.publication.id;
    const names = findingFields(itemId);
    const schema = z.object({
      [names.decision]: z.enum(['kept', 'withdrawn'], { error: '请选择清查结论' }),
      [names.opinion]: reasonSchema('清查意见').shape.reason,
    });
    const form = parseForm(body, schema, { fields: [names.decision, names.opinion] });
    if (!form.ok) return renderItem(c, loaded, form, 400);
    const r = await decideRecheck(
      c.get('deps'),
      staffOf(loaded.staff),
      loaded.round.id,
      itemId,
      form.data[names.decision] as 'kept' | 'withdrawn',
      String(form.data[names.opinion]),
    );
    if (!r.ok) return renderItem(c, loaded, { values: form.values, errors: r.errors }, 400);
    return redirectWithNotice(
      c,
      loaded.list.hrefFor({}),
      'done',
      r.value.completed ? 'completed' : 'decided',
    );
  });

  return app;
}
