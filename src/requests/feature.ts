// Disclosure on request (依申请公开): applying (public form, staff registration, JSON API),
// tracking, and the staff work list and case pages.
import { rowNames } from '../audit/subject-names.js';
import type { Feature } from '../web/feature.js';
import { requestsOperations, requestsSchemas } from './api.js';
import { requestDueDates } from './due-recompute.js';
import { REQUESTS_PATH } from './pages/console-pages.js';
import { requestsRoutes } from './routes.js';
import { requestsAuditLabels } from './steps/audit-labels.js';
import { requestsReportSource } from './year-figures.js';

export const requestsFeature: Feature = {
  name: 'requests',
  routes: requestsRoutes,
  api: { operations: requestsOperations, schemas: requestsSchemas },
  nav: [{ href: REQUESTS_PATH, label: '依申请公开', permission: 'request.handle' }],
  auditLabels: requestsAuditLabels,
  // A request case by its tracking number, never by its applicant.
  auditSubjectNames: rowNames('requests', ['tracking_number'], (r) => String(r.tracking_number)),
  // Cached due dates follow the calendar (decision 0016).
  calendarDependents: [requestDueDates],
  reportSource: requestsReportSource,
};
