// Chinese names of the audit events about agencies (a leaf data module: no imports).
export const agencyAuditLabels = {
  actions: { 'agency.create': '新建机关', 'agency.update': '修改机关信息' },
  subjects: { agency: '机关' },
  fields: {
    agency: {
      parentId: '上级机关',
      slug: '网址标识',
      fullName: '机关全称',
      shortName: '机关简称',
      code: '统一社会信用代码',
      level: '层级',
      kind: '类别',
      office: '政府信息公开工作机构',
      createdAt: '创建时间',
      updatedAt: '修改时间',
      // The disclosure office's fields, inside `office`.
      name: '机构名称',
      address: '办公地址',
      hours: '办公时间',
      phone: '联系电话',
      fax: '传真号码',
      email: '电子邮箱',
      website: '网址',
    },
  },
};
