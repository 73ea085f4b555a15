// Chinese names of the audit events the demo data writes (a leaf data module).
export const demoAuditLabels = {
  actions: {
    'demo.agency.create': '创建演示机关',
    'demo.agency.refresh': '重置演示机关',
    'demo.account.create': '创建演示账号',
    'demo.account.refresh': '重置演示账号',
  },
  subjects: {},
  fields: {},
};
