// Public portal routes: the directory of agencies and each agency's 政府信息公开 专栏.
// Read-only and open to everyone; nothing here needs a session.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getAgencyBySlug, listAgencies } from '../agencies/agency-repository.js';
import type { Agency } from '../agencies/agency.js';
import type { AppEnv } from '../web/env.js';
import { siteInfo } from '../web/site.js';
import { AccessibilityPage } from './accessibility-page.js';
import { ColumnHomePage, ReportsPage, RulesPage } from './column-pages.js';
import { DirectoryPage } from './directory-page.js';
import { getVersion, listVersions } from '../guide/guide-repository.js';
import { portalGuide, publicAccounts } from '../guide/guide-service.js';
import { ApplicationFormPage } from './application-form-page.js';
import { GuideHistoryPage } from './guide-history-page.js';
import { GuidePage } from './guide-page.js';
import { listPublicReports } from '../annual-reports/public-routes.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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

  app.get('/agencies/:slug', async (c) => {
    const agency = await agencyOr404(c);
    const db = c.get('deps').db.kysely;
    const [guide, accounts] = await Promise.all([
      getVersion(db, agency.id),
      publicAccounts(db, agency.id),
    ]);
    return c.html(<ColumnHomePage agency={agency} guide={guide} newMedia={accounts} />);
  });

  app.get('/agencies/:slug/guide', async (c) => {
    const agency = await agencyOr404(c);
    const guide = (await portalGuide(c.get('deps').db.kysely, agency))!;
    return c.html(<GuidePage agency={agency} {...guide} />);
  });

  app.get('/agencies/:slug/guide/versions', async (c) => {
    const agency = await agencyOr404(c);
    const versions = await listVersions(c.get('deps').db.kysely, agency.id);
    return c.html(<GuideHistoryPage agency={agency} versions={versions} />);
  });

  app.get('/agencies/:slug/guide/versions/:version', async (c) => {
    const agency = await agencyOr404(c);
    const raw = c.req.param('version');
    const number = /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
    const guide = number ? await portalGuide(c.get('deps').db.kysely, agency, number) : null;
    if (!guide)
      throw new HTTPException(404, { message: '没有这一版政府信息公开指南，请从历史版本中选择。' });
    return c.html(<GuidePage agency={agency} {...guide} />);
  });

  app.get('/agencies/:slug/application-form', async (c) =>
    c.html(<ApplicationFormPage agency={await agencyOr404(c)} />),
  );

  app.get('/agencies/:slug/application-form.docx', async (c) => {
    const agency = await agencyOr404(c);
    // The docx library is loaded when the form is first asked for as .docx.
    const { applicationFormDocx } = await import('../guide/application-form-docx.js');
    const body = await applicationFormDocx(agency.fullName);
    const name = encodeURIComponent(`${agency.shortName}政府信息公开申请表.docx`);
    return c.body(new Uint8Array(body), 200, {
      'content-type': DOCX_TYPE,
      'content-disposition': `attachment; filename="application-form.docx"; filename*=UTF-8''${name}`,
    });
  });

  app.get('/agencies/:slug/rules', async (c) => {
    const agency = await agencyOr404(c);
    return c.html(<RulesPage agency={agency} now={c.get('deps').clock.now()} />);
  });

  // /agencies/:slug/catalogue and its items: src/publications (public-routes.tsx).

  app.get('/agencies/:slug/reports', async (c) => {
    const agency = await agencyOr404(c);
    const published = await listPublicReports(c.get('deps').db.kysely, agency.id);
    return c.html(
      <ReportsPage agency={agency} now={c.get('deps').clock.now()} published={published} />,
    );
  });

  return app;
}
