// Chinese names for audit actions and subject types shown in the console. Features may
// write other actions; those are shown as stored.
const ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.switch_agency': '切换机关',
  'agency.create': '新建机关',
  'agency.update': '修改机关信息',
  'account.create': '新建账号',
  'account.roles': '设置角色',
  'account.activate': '启用账号',
  'account.deactivate': '停用账号',
  'account.password_reset': '重置密码',
  'demo.agency.create': '创建演示机关',
  'demo.agency.refresh': '重置演示机关',
  'demo.account.create': '创建演示账号',
  'demo.account.refresh': '重置演示账号',
};

const SUBJECTS: Record<string, string> = {
  agency: '机关',
  account: '账号',
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

export function subjectLabel(type: string): string {
  return SUBJECTS[type] ?? type;
}

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** An ISO timestamp as Beijing time, e.g. 2024/09/27 16:00:00. */
export function beijingTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : beijing.format(d);
}
