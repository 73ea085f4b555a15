// Identity documents of applicants (第29条: 身份证明). A 居民身份证 number (GB 11643-1999) is
// checked fully — region code shape, a real birth date not in the future, the check
// character — so a mistyped number is caught on the form; other documents get the shape
// their issuers print. Organisations give a 统一社会信用代码, checked by the agency-code rule.
// Pure: `today` is passed in.
import { parseAgencyCode } from '../agencies/agency-code.js';
import { isIsoDate } from '../calendar/dates.js';

export const ID_TYPES = [
  'resident_id_card',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id_card: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_residence: '外国人永久居留身份证',
};

export type IdCheck = { ok: true; value: string } | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** First two digits of a region code: provinces, and 71/81/82/83 for Taiwan, Hong Kong, Macao (居住证). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** The check character (GB 11643) of the first 17 digits of an 18-character number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Spaces and hyphens people type into long numbers are dropped; letters upper-cased. */
export function normalizeIdNumber(input: string): string {
  return input.replace(/[\s\u3000-]/g, '').toUpperCase();
}

/** Checks a 居民身份证 number against today's date ('YYYY-MM-DD'). */
export function checkResidentId(input: string, today: string): IdCheck {
  const n = normalizeIdNumber(input);
  if (n === '') return { ok: false, message: '请填写居民身份证号码' };
  if (/^\d{15}$/.test(n))
    return { ok: false, message: '这是 15 位的旧身份证号码，请填写现行的 18 位居民身份证号码' };
  if (!/^\d{17}[\dX]$/.test(n))
    return { ok: false, message: '居民身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X' };
  if (!PROVINCES.has(Number(n.slice(0, 2))) || n.slice(2, 6) === '0000')
    return { ok: false, message: '居民身份证号码前 6 位应为行政区划代码，请核对是否输错' };
  const birth = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01')
    return {
      ok: false,
      message: '居民身份证号码第 7–14 位应为出生日期（如 19800101），请核对是否输错',
    };
  if (birth > today)
    return { ok: false, message: '居民身份证号码中的出生日期晚于今天，请核对是否输错' };
  const expected = residentIdCheckChar(n.slice(0, 17));
  if (n[17] !== expected)
    return {
      ok: false,
      message: `居民身份证号码校验位不正确：按前 17 位计算，最后一位应为 ${expected}，请核对是否输错`,
    };
  return { ok: true, value: n };
}

/** Checks the number of an identity document of `type`. */
export function checkIdNumber(type: IdType, input: string, today: string): IdCheck {
  if (type === 'resident_id_card') return checkResidentId(input, today);
  const n = normalizeIdNumber(input);
  const label = ID_TYPE_LABELS[type];
  if (n === '') return { ok: false, message: `请填写${label}号码` };
  const shapes: Record<
    Exclude<IdType, 'resident_id_card'>,
    { test: (s: string) => boolean; hint: string }
  > = {
    passport: {
      test: (s) => /^[A-Z0-9]{5,17}$/.test(s),
      hint: '5 至 17 位字母或数字，如 E12345678',
    },
    hk_macao_permit: {
      test: (s) => /^[HM]\d{8}(\d{2})?$/.test(s),
      hint: 'H 或 M 开头，后接 8 位或 10 位数字，如 H12345678',
    },
    taiwan_permit: { test: (s) => /^\d{8}(\d{2})?$/.test(s), hint: '8 位或 10 位数字' },
    foreign_permanent_residence: {
      // The 2017 card: 3 letters + 12 digits; the 2023 card: 18 characters beginning with 9,
      // with the same check character as a 居民身份证.
      test: (s) =>
        /^[A-Z]{3}\d{12}$/.test(s) ||
        (/^9\d{16}[\dX]$/.test(s) && s[17] === residentIdCheckChar(s.slice(0, 17))),
      hint: '15 位（3 位字母加 12 位数字）或 18 位（以 9 开头）',
    },
  };
  const shape = shapes[type];
  if (!shape.test(n)) return { ok: false, message: `${label}号码格式不正确，应为${shape.hint}` };
  return { ok: true, value: n };
}

/** Checks an organisation's 统一社会信用代码 (18 characters; the old 9-digit code is refused). */
export function checkCreditCode(input: string): IdCheck {
  const r = parseAgencyCode(input);
  if (input.trim() === '') return { ok: false, message: '请填写统一社会信用代码' };
  if (!r.ok) return { ok: false, message: r.message.replace('机关代码', '统一社会信用代码') };
  if (r.kind !== 'uscc')
    return { ok: false, message: '请填写 18 位统一社会信用代码（营业执照或登记证书上印有）' };
  return { ok: true, value: r.code };
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, so a list is still usable. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 370211198001011234 → 370211********1234; short numbers keep only their last 2 characters. */
export function maskIdNumber(id: string): string {
  const chars = [...id];
  if (chars.length >= 15)
    return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
  return '*'.repeat(Math.max(0, chars.length - 2)) + chars.slice(-2).join('');
}

/** 13800001234 → 138****1234. */
export function maskPhone(phone: string): string {
  const digits = [...phone];
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3).join('') + '****' + digits.slice(-4).join('');
}
