// Chinese names of the audit events about letters (a leaf data module: no imports).
export const letterAuditLabels = {
  actions: {
    'letter.template.save': '保存文书模板新版本',
    'letter.template.reset': '文书模板恢复默认',
    'letter.issue': '出具文书',
    'letter.email.sent': '文书电子邮件已送达邮件服务器',
    'letter.email.failed': '文书电子邮件发送失败',
  },
  subjects: { letter_template: '文书模板', issued_letter: '文书' },
  fields: {
    letter_template: {
      kind: '文书种类',
      version: '版本',
      note: '修改说明',
      title: '标题',
      numberPattern: '文书编号格式',
      addressee: '称谓（主送）',
      body: '正文',
      closing: '结束语',
      signature: '落款',
      dateLine: '成文日期',
      footer: '附注',
      slip: '回执联',
    },
    issued_letter: {
      kind: '文书种类',
      letterNumber: '文书编号',
      subjectType: '所属事项类型',
      subjectId: '所属事项',
      templateVersion: '模板版本',
      htmlSha256: '网页版校验值',
      docxSha256: 'Word 版校验值',
      emailDelivery: '电子邮件送达',
      attempt: '第几次发送',
      detail: '邮件服务器答复',
    },
  },
};
