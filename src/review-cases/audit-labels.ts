// Chinese names of the audit events about review cases (a leaf data module).
export const reviewCasesAuditLabels = {
  actions: {
    'review_case.create': '登记行政复议、行政诉讼案件',
    'review_case.update': '修改行政复议、行政诉讼案件',
    'review_case.decide': '登记复议决定或判决结果',
    'review_case.reopen': '撤回已登记的审理结果',
    'review_case.attach': '上传案件文书',
    'review_case.detach': '删除案件文书',
    'demo.review_case.create': '创建演示行政复议案件',
    'demo.review_case.refresh': '重置演示行政复议案件',
  },
  subjects: { review_case: '行政复议、行政诉讼案件' },
  fields: {
    review_case: {
      kind: '案件类型',
      trackingNumber: '关联申请查询号',
      body: '复议机关或法院',
      caseNumber: '案号',
      receivedOn: '收到或立案日期',
      result: '审理结果',
      decidedOn: '结案日期',
      decisionNote: '决定或判决要点',
      notes: '备注',
      document: '文书',
      size: '大小',
      contentType: '文件类型',
    },
  },
};
