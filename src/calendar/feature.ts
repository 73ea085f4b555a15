// The working-day calendar: its console pages and the due-date API.
import type { Feature } from '../web/feature.js';
import { calendarAuditLabels } from './audit-labels.js';
import { calendarOperations, calendarSchemas } from './calendar-api.js';
import { calendarChangedJob } from './calendar-changed.js';
import { CALENDAR_PATH } from './calendar-pages.js';
import { calendarRoutes } from './calendar-routes.js';

export const calendarFeature: Feature = {
  name: 'calendar',
  routes: calendarRoutes,
  api: { operations: calendarOperations, schemas: calendarSchemas },
  nav: [{ href: CALENDAR_PATH, label: '工作日历', permission: 'calendar.manage' }],
  auditLabels: calendarAuditLabels,
  // The job that runs, after each calendar change, what every feature computed from it.
  jobs: ({ platform }) => [calendarChangedJob(platform.calendarDependents)],
};
