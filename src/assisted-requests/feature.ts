// Assisted handling (协查): the requests this agency helped another agency handle, recorded by
// request-handling staff; their count per year goes into the annual report through the
// requests feature's report source (src/requests/year-figures.ts).
import { rowNames } from '../audit/subject-names.js';
import type { Feature } from '../web/feature.js';
import { ASSISTED_PATH, assistedRoutes } from './assisted-routes.js';
import { assistedAuditLabels } from './audit-labels.js';

export const assistedRequestsFeature: Feature = {
  name: 'assisted-requests',
  routes: assistedRoutes,
  nav: [{ href: ASSISTED_PATH, label: '协查', permission: 'request.handle' }],
  auditLabels: assistedAuditLabels,
  auditSubjectNames: rowNames('assisted_requests', ['subject'], (a) => `「${a.subject}」`),
};
