// /console/reports/check: any signed-in staff member (supervisors above all, in January)
// uploads report files or zips of them and sees each report's findings and marked tables;
// the summary CSV stays downloadable for a while. Works as a plain multipart form post.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cleanFilename } from '../../files/upload-check.js';
import type { AppEnv } from '../../web/env.js';
import { TABLES_CSS, TABLES_CSS_HREF } from '../render/index.js';
import { CHECK_PATH, ResultsPage, UploadPage } from './check-page.js';
import { checkUploadedFiles } from './check-uploads.js';
import { sharedReportReader } from '../read/reader-pool.js';
import { findCheckResult, saveCheckResult } from './result-store.js';
import { summaryCsv } from './summary-csv.js';
import { UPLOAD_LIMITS, unpackUploads, type UploadedFile } from './unpack.js';

const MB = 1024 * 1024;
const TOO_LARGE = `上传的文件合计超过 ${UPLOAD_LIMITS.requestBytes / MB} MB，请分批上传，或先删去报告中的图片。`;
const NO_FILES = '请选择至少一个报告文件。';

export function reportCheckRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The report tables' styles, for every console page that shows them (supervision's too).
  app.get(TABLES_CSS_HREF, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(TABLES_CSS);
  });

  app.get(CHECK_PATH, (c) => c.html(<UploadPage />));

  app.post(
    CHECK_PATH,
    bodyLimit({
      maxSize: UPLOAD_LIMITS.requestBytes,
      onError: (c) => c.html(<UploadPage error={TOO_LARGE} />, 413),
    }),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return c.html(<UploadPage error={NO_FILES} />, 400);
      }
      const uploads: UploadedFile[] = [];
      for (const value of form.getAll('files')) {
        if (typeof value === 'string' || value.size === 0) continue;
        uploads.push({
          // Names are metadata, never trusted: no control characters (PostgreSQL refuses NUL).
          name: cleanFilename(value.name),
          bytes: new Uint8Array(await value.arrayBuffer()),
        });
      }
      if (uploads.length === 0) return c.html(<UploadPage error={NO_FILES} />, 400);

      const results = await checkUploadedFiles(
        unpackUploads(uploads),
        c.get('deps').reportReader ?? sharedReportReader(),
      );
      const staff = c.get('staff')!;
      const { db, clock } = c.get('deps');
      const resultId = await saveCheckResult(
        db.kysely,
        staff.accountId,
        summaryCsv(results),
        clock.now(),
      );
      return c.html(<ResultsPage results={results} resultId={resultId} />);
    },
  );

  app.get(`${CHECK_PATH}/:id/summary.csv`, async (c) => {
    const { db, clock } = c.get('deps');
    const csv = await findCheckResult(
      db.kysely,
      c.req.param('id'),
      c.get('staff')!.accountId,
      clock.now(),
    );
    if (csv === null) {
      return c.html(
        <UploadPage error="这份检查结果已过期或不存在（结果保存两小时，且只有上传者本人可以下载），请重新上传检查。" />,
        404,
      );
    }
    const name = '年度报告检查汇总.csv';
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="report-check-summary.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    c.header('Cache-Control', 'no-store');
    return c.body(csv);
  });

  return app;
}
