// The public side of proactive disclosure: each agency's catalogue, every item at a stable
// URL by its index number, and the attachments. Open to everyone; only published items (and
// the notices of withdrawn ones) are ever read here — drafts and items in review are not
// found, whoever asks.
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { getAgencyBySlug } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import { BLOB_ID } from '../files/blob-storage.js';
import type { AppEnv } from '../web/env.js';
import { oneOf, parseListQuery, type FilterParser } from '../web/list-query.js';
import { siteInfo } from '../web/site.js';
import { textProblem } from '../validation/text-input.js';
import { SearchResults } from './pages/search-results.js';
import { absoluteUrl, siteBase } from './feeds/site-address.js';
import { searchPublished } from './search.js';
import { attachmentStore } from './files.js';
import { isUrlKey } from './index-number.js';
import { categoriesFor, SUBJECTS, VALIDITIES } from './item.js';
import { CataloguePage } from './pages/catalogue-page.js';
import { itemHref } from './pages/catalogue-cards.js';
import { PublicItemPage } from './pages/public-item-page.js';
import {
  getPublicByKey,
  getPublishedByIndexNumber,
  listAttachments,
  catalogueListing,
} from './repository.js';

export const CATALOGUE_PAGE_SIZE = 20;

const NO_ITEM = '没有找到这条政府信息：请核对网址，或从法定主动公开内容栏目查找。';

async function agencyOr404(c: Context<AppEnv>): Promise<Agency> {
  const agency = await getAgencyBySlug(c.get('deps').db.kysely, c.req.param('slug') ?? '');
  if (!agency)
    throw new HTTPException(404, {
      message: '没有找到该机关的政府信息公开专栏，请从部门目录选择机关。',
    });
  return agency;
}

const yearFilter: FilterParser<string> = (raw) =>
  /^\d{4}$/.test(raw)
    ? { ok: true, value: raw }
    : { ok: false, error: `发布年份“${raw.slice(0, 20)}”无效，已忽略` };

/** A search query: one line of visible text, at most 100 characters. */
export const queryFilter: FilterParser<string> = (raw) => {
  const problem = textProblem(raw, '检索词');
  if (problem) return { ok: false, error: problem };
  if ([...raw].length > 100) return { ok: false, error: '检索词不能超过 100 个字，已忽略' };
  return { ok: true, value: raw };
};

async function publicItem(c: Context<AppEnv>) {
  const agency = await agencyOr404(c);
  const key = c.req.param('key') ?? '';
  const db = c.get('deps').db.kysely;
  const item = isUrlKey(key) ? await getPublicByKey(db, agency.id, key) : null;
  if (!item) throw new HTTPException(404, { message: NO_ITEM });
  return { agency, item };
}

/** The portal's site data, unless the portal's own middleware has already loaded it. */
const siteOnce = createMiddleware<AppEnv>(async (c, next) =>
  c.get('site') ? next() : siteInfo(c, next),
);

export function publicRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const CATALOGUE = '/agencies/:slug/catalogue';
  app.use(CATALOGUE, siteOnce);
  app.use(`${CATALOGUE}/*`, siteOnce);

  app.get(CATALOGUE, async (c) => {
    const agency = await agencyOr404(c);
    const db = c.get('deps').db.kysely;
    const list = parseListQuery(c.req.path, c.req.query(), {
      filters: {
        category: oneOf(
          '公开类别',
          categoriesFor(agency.level).map((x) => x.code),
        ),
        subject: oneOf('主题分类', SUBJECTS),
        year: yearFilter,
        validity: oneOf('有效性', VALIDITIES),
        q: queryFilter,
      },
      // The order of search results; the browsed list is always newest first.
      sorts: ['relevance', 'date'],
      defaultSort: 'relevance',
      defaultDirection: 'desc',
      pageSize: CATALOGUE_PAGE_SIZE,
    });
    const f = list.filters;
    const search = f.q
      ? await searchPublished(db, {
          agencyId: agency.id,
          query: f.q,
          order: list.sort,
          page: list.page,
          pageSize: list.pageSize,
        })
      : null;
    // Searching shows the results instead of the list: the list is not read then.
    const { page, years } = search
      ? { page: { rows: [], total: 0, page: 1, pageCount: 1, pageSize: list.pageSize }, years: [] }
      : await catalogueListing(db, {
          agencyId: agency.id,
          category: f.category,
          subject: f.subject,
          year: f.year ? Number(f.year) : undefined,
          validity: f.validity,
          page: list.page,
          pageSize: list.pageSize,
        });
    return c.html(
      <CataloguePage
        agency={agency}
        now={c.get('deps').clock.now()}
        page={page}
        filters={{ category: f.category, subject: f.subject, year: f.year, validity: f.validity }}
        query={f.q ?? ''}
        search={
          search && f.q ? (
            <SearchResults
              agency={agency}
              query={f.q}
              order={list.sort}
              result={search}
              hrefFor={list.hrefFor}
            />
          ) : null
        }
        years={years}
        sitemap={siteBase(c.get('deps').config.publicUrl) !== null}
        problems={list.problems}
        hrefFor={list.hrefFor}
      />,
    );
  });

  app.get(`${CATALOGUE}/:key`, async (c) => {
    const { agency, item } = await publicItem(c);
    const db = c.get('deps').db.kysely;
    const replacement = item.replacedBy
      ? await getPublishedByIndexNumber(db, agency.id, item.replacedBy)
      : null;
    const attachments = item.state === 'published' ? await listAttachments(db, item.id) : [];
    const base = siteBase(c.get('deps').config.publicUrl);
    return c.html(
      <PublicItemPage
        agency={agency}
        item={item}
        attachments={attachments}
        href={itemHref(agency, item)}
        replacedHref={replacement ? itemHref(agency, replacement) : null}
        canonical={base ? absoluteUrl(base, itemHref(agency, item)) : null}
      />,
    );
  });

  app.get(`${CATALOGUE}/:key/files/:fileId`, async (c) => {
    const { item } = await publicItem(c);
    const fileId = c.req.param('fileId') ?? '';
    if (item.state !== 'published' || !BLOB_ID.test(fileId))
      throw new HTTPException(404, { message: '没有找到该附件。' });
    const deps = c.get('deps');
    const attached = (await listAttachments(deps.db.kysely, item.id)).some(
      (a) => a.fileId === fileId,
    );
    const stored = attached ? await attachmentStore(deps).get(fileId) : null;
    if (!stored) throw new HTTPException(404, { message: '没有找到该附件。' });
    return fileResponse(stored.file, stored.bytes);
  });

  return app;
}

/** A stored file as a download: its detected type, its name for the browser to save it under. */
export function fileResponse(
  file: { filename: string; contentType: string },
  bytes: Uint8Array,
): Response {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(bytes, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  });
}
