// Chinese names of the audit events of supervision (a leaf data module: no imports).
export const supervisionAuditLabels = {
  actions: {
    'supervision.batch.create': '新建年度报告检查批次',
    'supervision.batch.finish': '年度报告检查批次完成',
    'supervision.report.read': '读取并检查年度报告',
    'supervision.report.match': '确认年度报告所属机关',
    'supervision.report.receive': '收到本平台发布的年度报告',
  },
  subjects: { supervision_batch: '年度报告检查批次', supervision_report: '收到的年度报告' },
  fields: {
    supervision_batch: { year: '报告年度', title: '批次名称', fileCount: '文件数' },
    supervision_report: {
      state: '读取结果',
      readAs: '读取方式',
      agencyId: '所属机关',
      confirmed: '已确认',
      year: '计入年度',
      source: '来源',
    },
  },
};
