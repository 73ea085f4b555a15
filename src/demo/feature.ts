// The demo data has no pages; it is listed as a feature for the audit labels of what
// `gongkai demo` writes.
import type { Feature } from '../web/feature.js';
import { demoAuditLabels } from './audit-labels.js';

export const demoFeature: Feature = { name: 'demo', auditLabels: demoAuditLabels };
