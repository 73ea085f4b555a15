// Chinese names of the audit events about assisted requests (协查) (a leaf data module).
export const assistedAuditLabels = {
  actions: {
    'assisted_request.record': '登记协查',
    'assisted_request.update': '修改协查记录',
    'demo.assisted_request.create': '创建演示协查记录',
  },
  subjects: { assisted_request: '协查记录' },
  fields: {
    assisted_request: {
      id: '编号',
      agencyId: '协查机关',
      requestingAgencyName: '提出协查的机关',
      receivedOn: '收到协查之日',
      subject: '协查事项',
      theirReference: '来文编号',
      answeredOn: '答复协查之日',
      note: '备注',
      createdAt: '登记时间',
      updatedAt: '修改时间',
    },
  },
};
