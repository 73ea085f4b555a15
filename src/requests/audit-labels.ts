// Chinese names of the audit events of request intake (a leaf data module: no imports).
export const requestIntakeAuditLabels = {
  actions: {
    'request.submit': '网上提交政府信息公开申请',
    'request.register': '登记政府信息公开申请',
    'request.receipt.confirm': '确认收到申请',
    'request.due.recompute': '工作日历变更后重新计算答复期限',
    'request.personal_data.view': '查看申请人个人信息',
    'request.identity_proof.view': '查看申请人身份证明',
    'request.letter.view': '下载致申请人的文书',
    'demo.request.create': '写入演示申请',
  },
  subjects: { request: '政府信息公开申请' },
  fields: {
    request: {
      trackingNumber: '查询号',
      state: '办理状态',
      channel: '申请渠道',
      category: '申请人类型',
      submittedOn: '申请送达之日',
      receivedOn: '收到申请之日',
      dueOn: '答复期限',
      dueProvisional: '答复期限为暂定',
      itemCount: '所需信息项数',
      deliveryForm: '获取信息的形式',
      deliveryMethod: '获取信息的方式',
      identityProof: '已上传身份证明',
      closure: '办结方式',
      outcome: '办理结果',
      letterId: '文书编号',
      format: '文书格式',
    },
  },
};
