// Chinese names of the audit events about the other records (a leaf data module).
export const workRecordsAuditLabels = {
  actions: {
    'work_record.create': '登记政务公开工作记录',
    'work_record.update': '修改政务公开工作记录',
    'work_record.delete': '删除政务公开工作记录',
    'demo.work_record.create': '创建演示政务公开工作记录',
    'demo.work_record.refresh': '重置演示政务公开工作记录',
  },
  subjects: { work_record: '政务公开工作记录' },
  fields: {
    work_record: {
      kind: '类别',
      occurredOn: '日期',
      title: '主题或标题',
      detail: '内容',
      reference: '编号',
      role: '主办或协办',
      closed: '办结情况',
      participants: '参加人数',
    },
  },
};
