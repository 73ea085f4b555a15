// Personal-information retention and the case archive: the hourly retention job, the
// archive download on the case page, and their audit names. See docs/security.md.
import type { Feature } from '../web/feature.js';
import { privacyAuditLabels } from './audit-labels.js';
import { RETENTION_RECURRING, retentionJob } from './retention-job.js';
import { privacyRoutes } from './routes.js';

export const privacyFeature: Feature = {
  name: 'privacy',
  routes: privacyRoutes,
  jobs: ({ files, config }) => [
    retentionJob({ files, retentionYears: config.personalDataRetentionYears }),
  ],
  recurring: [RETENTION_RECURRING],
  auditLabels: privacyAuditLabels,
};
