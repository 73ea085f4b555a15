// The catalogue for machines: each agency's Atom feed of published items, and the site's
// sitemap.xml (an index past 50,000 URLs). Public, read-only, no personal data (see atom.ts).
// The feed is also kept by the page cache (feature.ts): it is made only from its URL and the
// database, and answered with no cookie and no Cache-Control, so the cache's guards pass.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getAgencyBySlug } from '../../agencies/agency-repository.js';
import type { AppEnv } from '../../web/env.js';
import { categoryLabel } from '../item.js';
import { atomFeed } from './atom.js';
import { newestPublished } from './feed-repository.js';
import { absoluteUrl, siteBase } from './site-address.js';
import { sitemapDocument, sitemapPart } from './sitemap-service.js';
import { feedPath, SITEMAP_PATH } from './paths.js';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';

const NO_ADDRESS =
  '本网站尚未设置正式网址，暂不提供网站地图：网站地图中的网址必须是完整网址。请管理员设置环境变量 PUBLIC_URL。';

export function feedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/agencies/:slug/catalogue.atom', async (c) => {
    const deps = c.get('deps');
    const agency = await getAgencyBySlug(deps.db.kysely, c.req.param('slug'));
    if (!agency)
      throw new HTTPException(404, {
        message: '没有找到该机关的政府信息公开专栏，请从部门目录选择机关。',
      });
    const base = siteBase(deps.config.publicUrl);
    const rows = await newestPublished(deps.db.kysely, agency.id);
    const catalogue = `/agencies/${agency.slug}/catalogue`;
    const xml = atomFeed(
      {
        agencyId: agency.id,
        title: `${agency.fullName} 法定主动公开内容`,
        subtitle: `${agency.fullName}最新发布的政府信息`,
        author: agency.fullName,
        alternateHref: absoluteUrl(base, catalogue),
        selfHref: absoluteUrl(base, feedPath(agency.slug)),
        fallbackUpdated: agency.updatedAt,
      },
      rows.flatMap((r) =>
        r.index_number && r.url_key && r.published_on
          ? [
              {
                id: r.id,
                title: r.title,
                summary: r.summary,
                issuer: r.issuer,
                indexNumber: r.index_number,
                documentNumber: r.document_number,
                publishedOn: r.published_on,
                updatedAt: r.updated_at,
                href: absoluteUrl(base, `${catalogue}/${r.url_key}`),
                category: categoryLabel(r.category),
              },
            ]
          : [],
      ),
    );
    return c.body(xml, 200, { 'content-type': ATOM_TYPE });
  });

  app.get(SITEMAP_PATH, async (c) => {
    const deps = c.get('deps');
    const base = siteBase(deps.config.publicUrl);
    if (!base) throw new HTTPException(404, { message: NO_ADDRESS });
    return c.body(await sitemapDocument(deps.db.kysely, base), 200, { 'content-type': XML_TYPE });
  });

  app.get('/sitemaps/:part', async (c) => {
    const deps = c.get('deps');
    const base = siteBase(deps.config.publicUrl);
    if (!base) throw new HTTPException(404, { message: NO_ADDRESS });
    const raw = c.req.param('part');
    const xml = /^[1-9]\d{0,5}$/.test(raw)
      ? await sitemapPart(deps.db.kysely, base, Number(raw))
      : null;
    if (!xml)
      throw new HTTPException(404, { message: '没有这一部分网站地图，请从 /sitemap.xml 查看。' });
    return c.body(xml, 200, { 'content-type': XML_TYPE });
  });

  return app;
}
