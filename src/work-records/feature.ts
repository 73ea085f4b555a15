// The other records the annual report speaks of (open days, deputies' suggestions and CPPCC
// proposals, training, community-level disclosure work): console pages and the facts the
// report's sections are drafted from.
import { rowNames } from '../audit/subject-names.js';
import type { Feature } from '../web/feature.js';
import { workRecordsAuditLabels } from './audit-labels.js';
import { WORK_RECORDS_PATH } from './pages.js';
import { workRecordsReportSource } from './report-source.js';
import { workRecordsRoutes } from './routes.js';

export const workRecordsFeature: Feature = {
  name: 'work-records',
  routes: workRecordsRoutes,
  nav: [{ href: WORK_RECORDS_PATH, label: '工作记录', permission: 'work_record.manage' }],
  auditLabels: workRecordsAuditLabels,
  auditSubjectNames: rowNames('work_records', ['title'], (r) => `「${r.title}」`),
  reportSource: workRecordsReportSource,
};
