// Chinese names of the audit events about new-media accounts (a leaf data module).
export const newMediaAuditLabels = {
  actions: {
    'new_media.register': '登记政务新媒体账号',
    'new_media.close': '关停政务新媒体账号',
    'demo.new_media.create': '创建演示政务新媒体账号',
    'demo.new_media.refresh': '重置演示政务新媒体账号',
  },
  subjects: { new_media_account: '政务新媒体账号' },
  fields: {
    new_media_account: {
      id: '编号',
      agencyId: '所属机关',
      platform: '平台',
      platformOther: '平台名称',
      name: '账号名称',
      operator: '运营主体',
      openedOn: '开通日期',
      status: '状态',
      closedOn: '关停日期',
      closeReason: '关停原因',
      createdAt: '登记时间',
      updatedAt: '修改时间',
    },
  },
};
