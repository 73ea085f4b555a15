// Chinese names of the audit events of personal-information retention (a leaf data module).
export const privacyAuditLabels = {
  actions: {
    'request.personal_data.purge': '按保存期限清除申请人个人信息',
    'request.archive.export': '导出申请案卷',
  },
  subjects: {},
  fields: {
    request: {
      purgedOn: '清除日期',
      filesDeleted: '删除的文件数',
      lettersRedacted: '清除个人信息的文书数',
      reviewCases: '关联的复议诉讼案件数',
      documents: '案卷内文件数',
    },
  },
};
