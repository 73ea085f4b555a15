// A template and its values become a letter's content: title lines, number, addressee,
// paragraphs, closing, signature, date, footer and reply slip — plain text, so that the HTML
// and the Word renderings print the same words and each escapes them in its own way.
// Pure: no I/O.
import type { LetterKind } from './kinds.js';
import {
  OPTIONAL_PLACEHOLDERS,
  PLACEHOLDERS,
  placeholderByName,
  type PlaceholderKey,
  type PlaceholderValue,
  type PlaceholderValues,
} from './placeholders.js';
import {
  NUMBER_PLACEHOLDERS,
  parseTemplateText,
  type LetterTemplate,
  type NumberPlaceholder,
} from './template.js';

export interface LetterDocument {
  kind: LetterKind;
  /** The document's title (for <title>, the e-mail subject, the file name). */
  name: string;
  titleLines: string[];
  number: string;
  addressee: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
  date: string;
  footer: string[];
  slip: { title: string; paragraphs: string[] } | null;
}

/** `2024-03-05` → 2024年3月5日 (Arabic numerals, year, month and day in full: GB/T 9704-2012). */
export function chineseDateOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a date: ${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Integer fen as 元: 10000 → 100元, 1050 → 10.50元. */
export function yuanOf(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? `${yuan}元` : `${yuan}.${String(rest).padStart(2, '0')}元`;
}

/** A value as it prints; a list becomes one numbered line per item (one item: no number). */
export function formatValue(key: PlaceholderKey, value: PlaceholderValue): string {
  const type = PLACEHOLDERS[key].type;
  if (type === 'date') return chineseDateOf(String(value));
  if (type === 'money') return yuanOf(Number(value));
  if (type === 'lines') {
    const items = (Array.isArray(value) ? value : [String(value)]) as readonly string[];
    return items.length === 1 ? items[0]! : items.map((item, i) => `${i + 1}．${item}`).join('\n');
  }
  return String(value);
}

/** The letter number from the agency's format, e.g. 灵山卫街道依申答〔2024〕3号. */
export function letterNumberOf(
  pattern: string,
  parts: Record<NumberPlaceholder, string | number>,
): string {
  const byName = new Map(
    (Object.keys(NUMBER_PLACEHOLDERS) as NumberPlaceholder[]).map((k) => [
      NUMBER_PLACEHOLDERS[k] as string,
      String(parts[k]),
    ]),
  );
  return parseTemplateText(pattern)
    .segments.map((s) => ('key' in s ? (byName.get(s.key) ?? '') : s.text))
    .join('');
}

const LEADING_SPACE = /^[\s\u3000]+/u;

/**
 * The lines of a template part with the values put in. A line whose placeholders are all
 * optional and empty is left out (a footer without a contact); a value with line breaks
 * (a list) becomes several lines.
 */
function fill(text: string, values: PlaceholderValues): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const { segments } = parseTemplateText(line);
    const keys = segments.flatMap((s) => ('key' in s ? [s.key] : []));
    let emptyOptional = keys.length > 0;
    let filled = '';
    for (const s of segments) {
      if (!('key' in s)) {
        filled += s.text;
        continue;
      }
      const key = placeholderByName(s.key);
      if (!key) throw new Error(`unknown placeholder {${s.key}}: check the template first`);
      const value = values[key];
      const missing =
        value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
      if (missing) {
        if (!OPTIONAL_PLACEHOLDERS.has(key))
          throw new Error(`no value for the placeholder {${s.key}}`);
        continue;
      }
      emptyOptional = false;
      filled += formatValue(key, value);
    }
    if (keys.length > 0 && emptyOptional) continue;
    for (const piece of filled.split(/\r?\n/)) {
      const trimmed = piece.replace(LEADING_SPACE, '').trimEnd();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}

/** Composes the letter; the template must have passed checkTemplate and `values` be complete. */
export function composeLetter(
  kind: LetterKind,
  name: string,
  template: LetterTemplate,
  number: string,
  values: PlaceholderValues,
): LetterDocument {
  const all: PlaceholderValues = { ...values, letterNumber: number };
  const slipLines = fill(template.slip, all);
  return {
    kind,
    name,
    titleLines: fill(template.title, all),
    number,
    addressee: fill(template.addressee, all).join(''),
    paragraphs: fill(template.body, all),
    closing: fill(template.closing, all).join(''),
    signature: fill(template.signature, all),
    date: fill(template.dateLine, all).join(''),
    footer: fill(template.footer, all),
    slip: slipLines.length > 0 ? { title: slipLines[0]!, paragraphs: slipLines.slice(1) } : null,
  };
}

/** The letter as plain text (the e-mail body). */
export function letterText(doc: LetterDocument): string {
  return [
    ...doc.titleLines,
    doc.number,
    '',
    doc.addressee,
    ...doc.paragraphs.map((p) => `　　${p}`),
    `　　${doc.closing}`,
    '',
    ...doc.signature,
    doc.date,
    ...(doc.footer.length > 0 ? ['', ...doc.footer] : []),
  ].join('\n');
}
