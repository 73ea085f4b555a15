// Reconsideration and litigation cases about disclosure (行政复议、行政诉讼): the console
// register, and table 四 of the annual report computed from it.
import { rowNames } from '../audit/subject-names.js';
import type { Feature } from '../web/feature.js';
import { reviewCasesAuditLabels } from './audit-labels.js';
import { REVIEW_CASES_PATH } from './pages.js';
import { reviewCasesReportSource } from './report-source.js';
import { reviewCasesRoutes } from './routes.js';

export const reviewCasesFeature: Feature = {
  name: 'review-cases',
  routes: reviewCasesRoutes,
  nav: [{ href: REVIEW_CASES_PATH, label: '行政复议、行政诉讼', permission: 'review_case.read' }],
  auditLabels: reviewCasesAuditLabels,
  auditSubjectNames: rowNames('review_cases', ['case_number'], (r) => String(r.case_number)),
  reportSource: reviewCasesReportSource,
};
