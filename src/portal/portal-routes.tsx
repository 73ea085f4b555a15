// Public portal routes: the directory of agencies and each agency's 政府信息公开 专栏.
// Read-only and open to everyone; nothing here needs a session.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getAgencyById, getAgencyBySlug, listAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { AppEnv } from '../web/env.js';
import { siteInfo } from '../web/site.js';
import { AccessibilityPage } from './accessibility-page.js';
import { ColumnHomePage, ReportsPage, RequestsPage, RulesPage } from './column-pages.js';
import { DirectoryPage } from './directory-page.js';
import { GuidePage } from './guide-page.js';

async function agencyOr404(c: Context<AppEnv>): Promise<Agency> {
  const agency = await getAgencyBySlug(c.get('deps').db.kysely, c.req.param('slug') ?? '');
  if (!agency)
    throw new HTTPException(404, {
      message: '没有找到该机关的政府信息公开专栏，请从部门目录选择机关。',
    });
  return agency;
}

export function portalRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The layout's header and footer data, loaded before each page renders. Only on the
  // portal's own paths, so console and API requests do not pay for it.
  app.use('/', siteInfo);
  app.use('/accessibility', siteInfo);
  app.use('/agencies/*', siteInfo);

  app.get('/', async (c) => {
    const agencies = await listAgencies(c.get('deps').db.kysely);
    return c.html(<DirectoryPage agencies={agencies} />);
  });

  app.get('/accessibility', (c) => c.html(<AccessibilityPage />));

  app.get('/agencies/:slug', async (c) => c.html(<ColumnHomePage agency={await agencyOr404(c)} />));

  app.get('/agencies/:slug/guide', async (c) => {
    const agency = await agencyOr404(c);
    const parent = agency.parentId
      ? await getAgencyById(c.get('deps').db.kysely, agency.parentId)
      : null;
    return c.html(<GuidePage agency={agency} parent={parent} />);
  });

  app.get('/agencies/:slug/rules', async (c) => {
    const agency = await agencyOr404(c);
    return c.html(<RulesPage agency={agency} now={c.get('deps').clock.now()} />);
  });

  // /agencies/:slug/catalogue and its items: src/publications (public-routes.tsx).

  app.get('/agencies/:slug/reports', async (c) => {
    const agency = await agencyOr404(c);
    return c.html(<ReportsPage agency={agency} now={c.get('deps').clock.now()} />);
  });

  app.get('/agencies/:slug/requests', async (c) =>
    c.html(<RequestsPage agency={await agencyOr404(c)} />),
  );

  return app;
}
