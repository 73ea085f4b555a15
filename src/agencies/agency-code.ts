// Agency codes, the front part of every 索引号: the 18-character 统一社会信用代码
// (GB 32100-2015) or the older 9-character 组织机构代码 (GB 11714-1997). Both end in a
// check character, so a mistyped code is caught before it is printed on documents.

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type AgencyCodeKind = 'uscc' | 'org';

export type AgencyCodeResult =
  { ok: true; code: string; kind: AgencyCodeKind } | { ok: false; message: string };

/** The check character of a 统一社会信用代码 from its first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] ?? '') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

/** The check character of a 组织机构代码 from its first 8 characters. */
export function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(first8[i] ?? '') * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function orgCharValue(ch: string): number {
  if (/^[0-9]$/.test(ch)) return Number(ch);
  return ch.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
}

/**
 * Validates and normalizes an agency code: upper case, spaces removed, and the
 * 组织机构代码's customary hyphen (12345678-9) accepted and dropped.
 */
export function parseAgencyCode(input: string): AgencyCodeResult {
  const code = input.replace(/[\s\u3000]/g, '').toUpperCase();
  if (code === '')
    return { ok: false, message: '请填写机关代码（统一社会信用代码或组织机构代码）' };
  if (code.length === 18) {
    if (![...code].every((ch) => USCC_CHARS.includes(ch))) {
      return { ok: false, message: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）' };
    }
    if (!/^\d{6}$/.test(code.slice(2, 8))) {
      return { ok: false, message: '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）' };
    }
    const expected = usccCheckChar(code.slice(0, 17));
    if (code[17] !== expected) {
      return {
        ok: false,
        message: `统一社会信用代码校验位不正确：按前 17 位计算，最后一位应为 ${expected}，请核对是否输错`,
      };
    }
    return { ok: true, code, kind: 'uscc' };
  }
  const org = code.length === 10 && code[8] === '-' ? code.slice(0, 8) + code.slice(9) : code;
  if (org.length === 9) {
    if (!/^[0-9A-Z]{8}[0-9X]$/.test(org)) {
      return {
        ok: false,
        message: '组织机构代码应为 8 位数字或大写字母加 1 位校验码（数字或 X），如 00001434-9',
      };
    }
    const expected = orgCheckChar(org.slice(0, 8));
    if (org[8] !== expected) {
      return {
        ok: false,
        message: `组织机构代码校验码不正确：按前 8 位计算，校验码应为 ${expected}，请核对是否输错`,
      };
    }
    return { ok: true, code: org, kind: 'org' };
  }
  return { ok: false, message: '机关代码应为 18 位统一社会信用代码或 9 位组织机构代码' };
}
