// Chinese names of the audit events about annual reports (a leaf data module: no imports).
export const annualReportAuditLabels = {
  actions: {
    'annual_report.compose': '根据记录生成年度报告草稿',
    'annual_report.save': '保存年度报告草稿',
    'annual_report.import': '从报告文件导入年度报告表格（或正文）',
    'annual_report.recompute': '根据记录重新计算年度报告表格',
    'annual_report.approve': '审核通过年度报告',
    'annual_report.publish': '发布年度报告',
    'annual_report.correct': '发起年度报告更正（新版本）',
    'annual_report.schedule': '设置所辖乡镇（街道）年度报告公布时间',
  },
  subjects: {
    annual_report: '政府信息公开工作年度报告',
    annual_report_schedule: '年度报告公布时间',
  },
  fields: {
    annual_report: {
      year: '年度',
      version: '版本',
      status: '状态',
      computed: '根据记录计算的表格',
      sources: '数据来源',
      sections: '正文',
      tables: '填报的表格',
      changes: '变化的单元格数',
      cells: '变化的单元格',
      publishedOn: '发布日期',
      changeNote: '更正说明',
      replaces: '更正的版本',
      file: '导入的文件',
      withText: '是否同时导入正文',
      toConfirm: '待核对的单元格数',
      preamble: '报告开头的说明',
    },
    annual_report_schedule: { deadline: '公布截止日期（月-日）' },
  },
};
