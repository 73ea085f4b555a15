// Chinese names of the audit events about accounts and sign-in (a leaf data module).
export const authAuditLabels = {
  actions: {
    'auth.login': '登录',
    'auth.logout': '退出登录',
    'auth.login_failed': '登录失败',
    'auth.switch_agency': '切换机关',
    'account.create': '新建账号',
    'account.roles': '设置角色',
    'account.activate': '启用账号',
    'account.deactivate': '停用账号',
    'account.password_reset': '重置密码',
    'account.email': '设置电子邮箱',
  },
  subjects: { account: '账号' },
  fields: {
    account: {
      username: '用户名',
      displayName: '姓名',
      email: '电子邮箱',
      agencyId: '所属机关',
      isActive: '启用',
      roles: '角色',
      reason: '原因',
      currentAgencyId: '当前机关',
    },
  },
};

/** Sign-in and sign-out: frequent, and separable in the audit log's filters. */
export const SESSION_ACTIONS = ['auth.login', 'auth.logout', 'auth.login_failed'];
