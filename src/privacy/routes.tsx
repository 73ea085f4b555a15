// The case archive's route: GET, for staff who handle the case's agency (403 for other
// roles and agencies, 404 for no such case), audited before the file is sent.
import { Hono } from 'hono';
import { runCommand } from '../commands/command.js';
import { actorOf } from '../commands/actor.js';
import { ok } from '../commands/result.js';
import { loadCase } from '../requests/case-view.js';
import { fileStoreOf } from '../requests/intake-service.js';
import type { AppEnv } from '../web/env.js';
import type { Platform } from '../web/feature.js';
import { buildCaseArchive } from './archive.js';
import { purgedOnOf } from './case-records.js';

export function privacyRoutes(platform: Platform): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/console/requests/:id/archive.zip', async (c) => {
    const { staff, resource } = await loadCase(c);
    const deps = c.get('deps');
    const db = deps.db.kysely;
    const agency = await db
      .selectFrom('agencies')
      .select('full_name')
      .where('id', '=', resource.agencyId)
      .executeTakeFirstOrThrow();
    const archive = await buildCaseArchive(
      { db, files: fileStoreOf(deps), labels: platform.auditLabels, agencyName: agency.full_name },
      resource,
      await purgedOnOf(db, resource.id),
    );
    await runCommand(deps, actorOf(staff), async (ctx) => {
      ctx.record({
        agencyId: resource.agencyId,
        subjectType: 'request',
        subjectId: resource.id,
        action: 'request.archive.export',
        after: { trackingNumber: resource.trackingNumber, documents: archive.documents },
      });
      return ok(null);
    });
    return c.body(archive.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${resource.trackingNumber}.zip"; filename*=UTF-8''${encodeURIComponent(archive.filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
