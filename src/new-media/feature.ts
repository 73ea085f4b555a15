// Government new-media accounts (政务新媒体): the registry's console pages. The public list
// of operating accounts is shown by the portal (the guide and the column home).
import { rowNames } from '../audit/subject-names.js';
import type { Feature } from '../web/feature.js';
import { newMediaAuditLabels } from './audit-labels.js';
import { NEW_MEDIA_PATH, newMediaRoutes } from './new-media-routes.js';
import { newMediaReportSource } from './report-source.js';

export const newMediaFeature: Feature = {
  name: 'new-media',
  routes: newMediaRoutes,
  nav: [{ href: NEW_MEDIA_PATH, label: '政务新媒体', permission: 'new_media.manage' }],
  auditLabels: newMediaAuditLabels,
  auditSubjectNames: rowNames('new_media_accounts', ['name'], (m) => `「${m.name}」`),
  reportSource: newMediaReportSource,
};
