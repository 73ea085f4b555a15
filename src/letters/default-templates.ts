// The templates shipped with Gongkai, one per kind: what an agency uses until it saves a
// version of its own, and what 「恢复默认」 stores as a new version. The wording follows the
// published template sets (shared/spec/portal-and-letters.md C2, C3): receipt date and
// request, finding, decision with its legal basis, remedies for decisions, closing formula,
// signature block with seal and date. Leaf data.
import type { LetterKind } from './kinds.js';
import type { LetterTemplate } from './template.js';

const NUMBER = '{机关简称}依申{代字}〔{年份}〕{序号}号';
const SIGNATURE = '{机关名称}';
const DATE = '{成文日期}';
const CONTACT = '（联系人及电话：{联系人及电话}）';

const OPENING = '本机关于{收到申请日期}收到您（单位）提出的关于“{申请内容}”的政府信息公开申请。';
const REMEDIES =
  '如对本答复不服，可以在收到本告知书之日起60日内向{复议机关}申请行政复议，或者在6个月内依法向{人民法院}提起行政诉讼。';

const lines = (...l: string[]) => l.join('\n');

function letter(title: string, body: string, extra: Partial<LetterTemplate> = {}): LetterTemplate {
  return {
    title: lines('{机关名称}', title),
    numberPattern: NUMBER,
    addressee: '{申请人}：',
    body,
    closing: '特此告知。',
    signature: SIGNATURE,
    dateLine: DATE,
    footer: CONTACT,
    slip: '',
    ...extra,
  };
}

function reply(...findings: string[]): LetterTemplate {
  return letter(
    '政府信息公开申请答复告知书',
    lines(`${OPENING}经审查，现答复如下：`, ...findings, REMEDIES),
    {
      closing: '特此告知。',
    },
  );
}

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  receipt: letter(
    '政府信息公开申请接收回执',
    lines(
      '本机关已收到您（单位）以{申请方式}方式提出的关于“{申请内容}”的政府信息公开申请，申请编号为{申请编号}。',
      '根据《中华人民共和国政府信息公开条例》第三十一条的规定，本机关收到申请之日为{收到申请日期}。本机关将依照该条例第三十三条的规定，自收到申请之日起20个工作日内，即最迟于{答复期限}作出答复；需要延长答复期限的，将另行书面告知。',
      '您可以凭申请编号和查询码在本机关政府信息公开网站查询办理进度。',
    ),
  ),
  correction_notice: letter(
    '政府信息公开申请补正告知书',
    lines(
      `${OPENING}经审查，您的申请内容不明确或者申请要素不完整。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项一并作出补正：`,
      '{补正事项}',
      '请您于{补正期限}前（含当日）向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ),
  ),
  extension_notice: letter(
    '政府信息公开申请延期答复告知书',
    lines(
      `${OPENING}本机关原应于{原答复期限}前作出答复。因{延期理由}，本机关不能在规定期限内作出答复。`,
      '根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长，延长的期限最长不超过20个工作日。本机关将最迟于{延长后答复期限}作出答复。',
    ),
  ),
  third_party_consultation: letter(
    '政府信息公开征求第三方意见书',
    lines(
      '本机关收到一份政府信息公开申请，申请公开“{申请内容}”。经审查，申请公开的下列政府信息可能损害贵方（您）的合法权益：',
      '{征求意见内容}',
      '根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方（您）的意见。请自收到本意见书之日起15个工作日内，即最迟于{征求意见答复期限}，以书面形式向本机关提出是否同意公开的意见及理由（可填写所附征求意见确认函）。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。',
      '第三方不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。',
    ),
    {
      addressee: '{第三方}：',
      closing: '特此征求意见。',
      slip: lines(
        '征求意见确认函',
        '{机关名称}：',
        '贵机关《政府信息公开征求第三方意见书》（{文书编号}）收悉。对所征求意见的政府信息，本单位（本人）的意见是：',
        '□ 同意公开　　□ 不同意公开',
        '不同意公开的理由：',
        '第三方（签名或者盖章）：',
        '年　　月　　日',
      ),
    },
  ),
  consultation_notice: letter(
    '政府信息公开申请征求意见告知书',
    lines(
      `${OPENING}因您申请公开的政府信息涉及第三方合法权益或者需要征求其他机关的意见，本机关已依照《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定书面征求意见。`,
      '根据《中华人民共和国政府信息公开条例》第三十三条第三款的规定，行政机关征求第三方和其他机关意见所需时间不计算在答复期限内。本机关将在征求意见程序结束后依法作出答复。',
    ),
  ),
  fee_notice: letter(
    '政府信息公开信息处理费收费通知书',
    lines(
      `${OPENING}您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费。`,
      '收费方式：{收费方式}。',
      '收费标准：{收费标准}。',
      '应缴金额：人民币{收费金额}。',
      '缴费方式：{缴费方式}。',
      '请您自收到本通知书次日起20个工作日内，即最迟于{缴费期限}缴纳上述费用。答复期限自本机关收到费用之日起计算。无正当理由逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ),
  ),
  reply_disclosed: reply(
    '您申请公开的政府信息属于公开范围，根据{法律依据}的规定，本机关予以公开。{理由}',
    '提供方式：{提供方式}。',
  ),
  reply_partially_disclosed: reply(
    '您申请公开的政府信息中含有不应当公开的内容，但能够作区分处理。根据{法律依据}的规定，本机关向您提供可以公开的部分。',
    '不予公开部分的理由：{理由}',
    '可以公开部分的提供方式：{提供方式}。',
  ),
  reply_withheld: reply(
    '{理由}',
    '根据{法律依据}的规定，您申请公开的政府信息属于不予公开的范围，本机关不予公开。',
  ),
  reply_unavailable: reply(
    '{理由}',
    '根据{法律依据}的规定，本机关无法向您提供所申请公开的政府信息。',
  ),
  reply_not_processed: reply('{理由}', '根据{法律依据}的规定，本机关对您的申请不予处理。'),
  reply_other: reply('{理由}', '根据{法律依据}的规定，本机关不再处理您的政府信息公开申请。'),
};
