// The site identity the inspection rules ask every government website to show (国办发
// 〔2017〕47号, 国办秘函〔2019〕19号): the 网站标识码 (also the SiteIDCode page tag), the ICP备案号
// and the 公安机关备案号, each in its official format and linking to where it can be checked.
import { z } from 'zod';
import { singleLine } from '../validation/text-input.js';

export interface SiteIdentity {
  /** 网站标识码: 10 digits (地方: 6-digit area code + 4), or 「bm」 + 8 digits (部委). */
  siteIdCode: string | null;
  /** ICP备案号, e.g. 鲁ICP备05012345号-1. */
  icpNumber: string | null;
  /** 公安机关备案号, e.g. 鲁公网安备 37021102000123号. */
  psbNumber: string | null;
}

export const EMPTY_IDENTITY: SiteIdentity = { siteIdCode: null, icpNumber: null, psbNumber: null };

/** The province abbreviations that begin an ICP or 公安 filing number. */
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';
const SITE_ID = /^(\d{10}|bm\d{8})$/u;
const ICP = new RegExp(`^${PROVINCE}ICP备\\d{6,10}号(-\\d{1,3})?$`, 'u');
const PSB = new RegExp(`^(${PROVINCE})公网安备\\s?(\\d{14})号$`, 'u');

/** Where the ICP filing is looked up (工业和信息化部 政务服务平台). */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';

/** The 全国互联网安全管理服务平台 page for a 公安机关备案号, found by its 14 digits. */
export function psbLookupUrl(psbNumber: string): string | null {
  const m = PSB.exec(psbNumber);
  return m ? `https://beian.mps.gov.cn/#/query/webSearch?code=${m[2]}` : null;
}

/** Typed text with its spaces and full-width digits and letters made regular. */
function normalise(s: string): string {
  return s
    .replace(/[０-９Ａ-Ｚａ-ｚ－]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, ' ')
    .trim();
}

const optional = (label: string, max: number) =>
  singleLine(label)
    .max(max, `${label}不能超过 ${max} 个字符`)
    .transform(normalise)
    .transform((s) => (s === '' ? null : s));

export const identityInputSchema = z.object({
  siteIdCode: optional('网站标识码', 20)
    .transform((s) => (s === null ? null : s.replace(/\s/gu, '').replace(/^BM/u, 'bm')))
    .refine(
      (s) => s === null || SITE_ID.test(s),
      '网站标识码应为 10 位：地方网站为 10 位数字（如 3702110001），部委网站为 bm 加 8 位数字',
    ),
  icpNumber: optional('ICP备案号', 30)
    .transform((s) => (s === null ? null : s.replace(/\s/gu, '').replace(/icp/iu, 'ICP')))
    .refine(
      (s) => s === null || ICP.test(s),
      'ICP备案号格式应如 鲁ICP备05012345号 或 鲁ICP备05012345号-1',
    ),
  psbNumber: optional('公安机关备案号', 40)
    .transform((s) => {
      if (s === null) return null;
      const m = /^(.)公网安备\s*(\d+)号$/u.exec(s.replace(/\s/gu, ''));
      return m ? `${m[1]}公网安备 ${m[2]}号` : s;
    })
    .refine(
      (s) => s === null || PSB.test(s),
      '公安机关备案号格式应如 鲁公网安备 37021102000123号（省份简称、“公网安备”和 14 位数字）',
    ),
});

export type IdentityInput = z.output<typeof identityInputSchema>;
export type IdentityFormValues = Record<keyof IdentityInput, string>;
export const IDENTITY_FORM_FIELDS: (keyof IdentityInput)[] = [
  'siteIdCode',
  'icpNumber',
  'psbNumber',
];

export function identityToForm(i: SiteIdentity): IdentityFormValues {
  return {
    siteIdCode: i.siteIdCode ?? '',
    icpNumber: i.icpNumber ?? '',
    psbNumber: i.psbNumber ?? '',
  };
}
