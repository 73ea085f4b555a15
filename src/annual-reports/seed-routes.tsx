// The demo agency's 2021 report as published (the seed) beside the one composed here, with
// the seed's errors pointed out by the report engine's checks.
import { Hono } from 'hono';
import { getAgencyById } from '../agencies/agency-repository.js';
import { requirePermission } from '../auth/guards.js';
import { authorize } from '../auth/policy.js';
import { renderTablesHtml } from '../reports/render/index.js';
import type { AppEnv } from '../web/env.js';
import { ConsolePage } from '../web/layout.js';
import { getPublished } from './annual-report-repository.js';
import { ASSETS } from './assets.js';
import { FindingsList } from './pages/findings-list.js';
import { publicReportPath, reportPath } from './paths.js';
import { seedReport } from './seed.js';
import { SEED_COMPARE_PATH } from './seed-compare.js';

export function seedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(SEED_COMPARE_PATH, requirePermission('report.edit'), async (c) => {
    const staff = await authorize(c, 'report.edit');
    const db = c.get('deps').db.kysely;
    const agency = await getAgencyById(db, staff.currentAgencyId);
    const [seed, composed] = await Promise.all([
      seedReport(),
      agency ? getPublished(db, agency.id, 2021) : Promise.resolve(null),
    ]);
    const errors = seed.findings.filter((f) => f.severity === 'error').length;
    return c.html(
      <ConsolePage title="2021年度报告：原件与本平台生成的报告对照">
        <link rel="stylesheet" href={ASSETS.css} />
        <p>
          下面是灵山卫街道办事处2022年1月18日发布的2021年度报告原件，经本平台按国家统一格式检查，发现
          {errors}处错误。本平台根据记录生成的同一年度报告
          {composed && agency ? (
            <>
              已发布，检查无错误：<a href={reportPath(composed.id)}>在工作台查看</a>、
              <a href={publicReportPath(agency.slug, 2021)}>查看公开页面</a>。
            </>
          ) : (
            '尚未发布。'
          )}
        </p>
        <h2>原件的检查结果</h2>
        <FindingsList findings={seed.findings} typedTables={[]} links={false} />
        <h2>原件的表格（有问题的单元格已标出）</h2>
        {renderTablesHtml(seed.report, { marked: seed.findings, idPrefix: 'seed-' })}
        {composed ? (
          <>
            <h2>本平台生成的报告的表格</h2>
            {renderTablesHtml(composed.report, { idPrefix: 'composed-' })}
          </>
        ) : null}
      </ConsolePage>,
    );
  });
  return app;
}
