// Chinese names of the audit events about the guide (a leaf data module: no imports).
export const guideAuditLabels = {
  actions: {
    'guide.draft.save': '保存政府信息公开指南草稿',
    'guide.publish': '发布政府信息公开指南',
    'demo.guide.refresh': '重置演示指南',
  },
  subjects: { guide: '政府信息公开指南' },
  fields: {
    guide: {
      office: '政府信息公开工作机构',
      draft: '指南内容',
      version: '版本',
      publishedAt: '发布时间',
      name: '机构名称',
      address: '办公地址',
      hours: '办公时间',
      phone: '联系电话',
      fax: '传真号码',
      email: '电子邮箱',
      website: '网址',
      postcode: '邮政编码',
      onlineFormUrl: '网上申请地址',
      competentOffice: '政府信息公开工作主管部门',
      reconsiderationBody: '行政复议机关',
      arrangementNote: '信息分类与编排的补充说明',
      otherNote: '其他说明',
    },
  },
};
