// Chinese names of the audit events about the site identity (a leaf data module).
export const siteAuditLabels = {
  actions: { 'site.identity.update': '修改网站标识信息' },
  subjects: { site_settings: '网站设置' },
  fields: {
    site_settings: {
      siteIdCode: '网站标识码',
      icpNumber: 'ICP备案号',
      psbNumber: '公安机关备案号',
    },
  },
};
