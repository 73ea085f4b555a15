// Accounts and sign-in: the sign-in pages and the administrators' account pages.
import { rowNames } from '../audit/subject-names.js';
import type { Feature } from '../web/feature.js';
import { ACCOUNTS_PATH, accountRoutes } from './account-routes.js';
import { authAuditLabels } from './audit-labels.js';
import { authRoutes } from './auth-routes.js';

export const signInFeature: Feature = { name: 'sign-in', routes: authRoutes };

export const accountsFeature: Feature = {
  name: 'accounts',
  routes: accountRoutes,
  nav: [{ href: ACCOUNTS_PATH, label: '账号管理', permission: 'account.manage' }],
  // Accounts, sessions and sign-ins share one label module: they write to the same subjects.
  auditLabels: authAuditLabels,
  auditSubjectNames: rowNames(
    'accounts',
    ['display_name', 'username'],
    (a) => `${a.display_name}（${a.username}）`,
  ),
};
