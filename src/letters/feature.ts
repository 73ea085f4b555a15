// Letters (文书): the template pages of the console and the letter stylesheet. Issuing and
// reading letters are functions (issue.ts) the requests feature calls; the e-mail job sends
// the letters issued for e-mail delivery.
import type { Feature } from '../web/feature.js';
import { letterAuditLabels } from './audit-labels.js';
import { letterEmailJob, mailSettingsOf } from './email-job.js';
import { letterRoutes } from './letter-routes.js';
import { TEMPLATES_PATH } from './pages/template-pages.js';

export const lettersFeature: Feature = {
  name: 'letters',
  routes: letterRoutes,
  nav: [{ href: TEMPLATES_PATH, label: '文书模板', permission: 'letter.templates' }],
  auditLabels: letterAuditLabels,
  jobs: ({ files, config }) =>
    files ? [letterEmailJob({ files, mail: mailSettingsOf(config) })] : [],
};
