// The blank 政府信息公开申请表 (spec C4) as data, so the print page and the Word document
// show the same form: the applicant (citizen or organisation), an optional agent, the
// information asked for (第二十九条), the form and manner of delivery (第四十条), signature.
// Nothing here is required of the applicant beyond what 第二十九条 asks; the old
// 「所需信息用途」 field is left out (the 2019 条例 no longer makes it a condition).

export type FormRow =
  | { kind: 'field'; label: string; /** Lines of writing space. */ lines?: number }
  | { kind: 'choices'; label: string; options: readonly string[] };

export interface FormSection {
  title: string;
  rows: readonly FormRow[];
}

const field = (label: string, lines?: number): FormRow => ({ kind: 'field', label, lines });

export const APPLICATION_FORM_TITLE = '政府信息公开申请表';

export const APPLICATION_FORM_SECTIONS: readonly FormSection[] = [
  {
    title: '申请人信息（公民）',
    rows: [
      field('姓名'),
      field('工作单位（选填）'),
      field('证件名称'),
      field('证件号码'),
      field('联系地址'),
      field('邮政编码'),
      field('联系电话'),
      field('电子邮箱'),
      field('传真（选填）'),
    ],
  },
  {
    title: '申请人信息（法人或者其他组织）',
    rows: [
      field('名称'),
      field('统一社会信用代码'),
      {
        kind: 'choices',
        label: '类别',
        options: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      },
      field('法定代表人'),
      field('联系人'),
      field('联系人电话'),
      field('联系地址'),
      field('电子邮箱'),
      field('传真（选填）'),
    ],
  },
  {
    title: '委托代理人（选填，请附授权委托书）',
    rows: [field('代理人姓名'), field('证件名称及号码'), field('联系电话')],
  },
  {
    title: '所需政府信息',
    rows: [
      field('信息名称'),
      field('文号'),
      field('索引号（选填）'),
      field('所需信息的内容描述（便于查询的特征性描述）', 5),
    ],
  },
  {
    title: '获取信息的形式和方式',
    rows: [
      { kind: 'choices', label: '提供形式', options: ['纸质', '电子邮件', '光盘或U盘', '其他'] },
      {
        kind: 'choices',
        label: '获取方式',
        options: ['邮寄', '电子邮件', '自行领取', '当场查阅、抄录', '传真'],
      },
      {
        kind: 'choices',
        label: '其他',
        options: ['若无法按指定方式提供，也可接受其他方式'],
      },
    ],
  },
  {
    title: '申请人签名（盖章）',
    rows: [field('申请人签名（盖章）'), field('申请日期　　　　年　　月　　日')],
  },
];

/** The notes printed under the form (第二十九条, 第三十一条, one item per form). */
export function applicationFormNotes(agencyName: string): string[] {
  return [
    `本表用于向${agencyName}申请获取政府信息。公民填写“申请人信息（公民）”，法人或者其他组织填写“申请人信息（法人或者其他组织）”。`,
    '请附身份证明（公民的身份证件，法人或者其他组织的营业执照等）复印件；委托他人代为申请的，请附授权委托书和代理人身份证明复印件。',
    '建议一张申请表只申请一项政府信息，并尽量写明信息的名称、文号或者其他特征性描述，便于准确检索和及时答复。',
    '申请可以当面提交，也可以邮政寄送；本机关开通的其他申请渠道见本机关政府信息公开指南。收到申请的时间按照《中华人民共和国政府信息公开条例》第三十一条确定。',
  ];
}
