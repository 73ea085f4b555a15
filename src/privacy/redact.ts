// Erasing an applicant's personal values from what the platform stored about their case:
// the free text (request items, event notes), the letters' HTML and the letters' .docx. The
// values are replaced wherever they occur, in the forms the stored text holds them (HTML and
// XML escape them), and the result is checked: a value still readable afterwards is an error,
// never a silent "done". Pure: bytes and strings in, bytes and strings out.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ApplicantCategory } from '../requests/case.js';
import type { ApplicantRecord } from '../requests/request.js';

/** What replaces a personal value. */
export const REDACTED = '〔已删除〕';

/** The applicant fields a purge empties (null) or, where the column requires text, marks. */
export function purgedApplicant(
  a: ApplicantRecord,
  category: ApplicantCategory,
): Omit<ApplicantRecord, 'idType'> {
  // An organisation's name and credit code are not personal data; the people behind it are.
  const isPerson = category === 'natural_person';
  return {
    name: isPerson ? REDACTED : a.name,
    idNumber: null,
    creditCode: isPerson ? null : a.creditCode,
    legalRepresentative: null,
    contactName: null,
    phone: REDACTED,
    address: null,
    email: null,
  };
}

/**
 * The applicant's personal values as they may appear in text, longest first (so a name inside
 * an address is not replaced first and the address missed). One-character values are left:
 * replacing every occurrence of one character would wreck the text and protect no one.
 */
export function personalValues(a: ApplicantRecord, category: ApplicantCategory): string[] {
  const isPerson = category === 'natural_person';
  const values = [
    isPerson ? a.name : null,
    a.idNumber,
    a.legalRepresentative,
    a.contactName,
    a.phone,
    a.address,
    a.email,
  ]
    .map((v) => v?.trim() ?? '')
    .filter((v) => [...v].length >= 2 && v !== REDACTED);
  // An ID number ending in x is written either way.
  const withCase = values.flatMap((v) =>
    /x$/i.test(v) ? [v, v.toUpperCase(), v.toLowerCase()] : [v],
  );
  return [...new Set(withCase)].sort((x, y) => y.length - x.length);
}

const escapeHtml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** The forms a value may take in HTML or XML text: as is, and escaped. */
function forms(value: string): string[] {
  const escaped = escapeHtml(value);
  const xml = escaped.replaceAll('&#39;', '&apos;');
  return [...new Set([value, escaped, xml])];
}

/** `text` with every personal value replaced. */
export function redactText(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) for (const f of forms(v)) out = out.replaceAll(f, REDACTED);
  return out;
}

/** The values still readable in `text` (none, after a redaction that worked). */
export function remainingValues(text: string, values: readonly string[]): string[] {
  return values.filter((v) => forms(v).some((f) => text.includes(f)));
}

export class RedactionError extends Error {}

/** A JSON value with every string in it redacted. */
export function redactJson(value: unknown, values: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, values);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactJson(v, values)] as const),
    );
  return value;
}

/** An HTML document with the values replaced; throws RedactionError if any remains. */
export function redactHtml(bytes: Uint8Array, values: readonly string[]): Uint8Array {
  const out = redactText(new TextDecoder().decode(bytes), values);
  const left = remainingValues(out, values);
  if (left.length > 0) throw new RedactionError(`网页版中仍有 ${left.length} 项个人信息`);
  return new TextEncoder().encode(out);
}

/**
 * A .docx with the values replaced in every XML part (body, headers, footers, properties).
 * A value Word split across runs would survive a plain replacement: the check after it reads
 * each part's text with the markup removed, and throws RedactionError if any value remains.
 */
export function redactDocx(bytes: Uint8Array, values: readonly string[]): Uint8Array {
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    if (!/\.(xml|rels)$/i.test(name)) {
      out[name] = data;
      continue;
    }
    const xml = redactText(strFromU8(data), values);
    const plain = xml.replace(/<[^>]+>/g, '');
    const left = remainingValues(plain, values).concat(remainingValues(xml, values));
    if (left.length > 0) throw new RedactionError(`Word 版 ${name} 中仍有个人信息`);
    out[name] = strToU8(xml);
  }
  return zipSync(out);
}
