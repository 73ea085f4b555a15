// The one rule for text people type (forms, JSON, command-line options) before it is stored
// or used to look something up. PostgreSQL refuses NUL in text outright (a 500 if it gets
// that far); SQLite stores it, and the other control characters, bidirectional overrides and
// zero-width characters along with it — so a name can read differently from what it is
// (U+202E reverses what follows) or show as nothing at all (100 × U+200B). Every form schema
// builds its text fields with `singleLine` / `multiLine` below, and code outside Zod calls
// `textProblem`, so that all inputs refuse the same characters with the same messages.
import { z } from 'zod';

export type TextKind = 'single' | 'multi';

/**
 * Never accepted: C0 controls (tab, LF and CR are handled per kind below), DEL, C1 controls,
 * the line and paragraph separators, the bidirectional marks, embeddings, overrides and
 * isolates, the interlinear annotation controls and unpaired surrogates.
 */
const ALWAYS_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]|\p{Cs}/u;

/**
 * Invisible characters with no use in the text this platform stores: zero-width space, word
 * joiner and the invisible operators, the byte order mark, the Mongolian vowel separator
 * and the soft hyphen. (Zero-width joiner and non-joiner, variation selectors and tag
 * characters are allowed inside text: emoji and some scripts need them; they still count as
 * invisible below.)
 */
const INVISIBLE_FORBIDDEN = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]/u;

/** Line breaks and tab, allowed only in multi-line fields (a one-line field cannot hold them). */
const LINE_BREAK = /[\n\r]/;
const TAB = /\t/;

/**
 * What shows nothing on screen: whitespace (including U+3000 and no-break spaces), the
 * zero-width and format characters above, combining grapheme joiner, Hangul fillers, the
 * Khmer inherent vowels, Mongolian free variation selectors, braille blank, variation
 * selectors and tag characters.
 */
const INVISIBLE =
  /^[\s\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2060-\u2064\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]*$/u;

/** 1-based position, in characters as people count them (not UTF-16 units), of the first hit. */
function positionOf(value: string, isBad: (ch: string) => boolean): number {
  let i = 1;
  for (const ch of value) {
    if (isBad(ch)) return i;
    i++;
  }
  return i;
}

/**
 * The Chinese message saying what is wrong with `value` as a value of the field `label`, or
 * null when the rule has nothing against it. An empty value is not this rule's concern
 * (whether a field is required is the field's own rule). `fix` says what to do about a bad
 * character, for values that were not typed into a field (a file's name or contents).
 */
export function textProblem(
  value: string,
  label: string,
  kind: TextKind = 'single',
  fix = '请删除后重新填写',
): string | null {
  if (value === '') return null;
  const isControl = (s: string) => ALWAYS_FORBIDDEN.test(s) || (kind === 'single' && TAB.test(s));
  // Checked before "only invisible": a NUL on its own is a control character, not a blank.
  if (isControl(value)) return containsMessage(label, positionOf(value, isControl), fix);
  if (INVISIBLE.test(value)) return `${label}不能只由空格或不可见字符组成`;
  if (kind === 'single' && LINE_BREAK.test(value)) return `${label}不能换行，请写在一行内`;
  const isInvisible = (s: string) => INVISIBLE_FORBIDDEN.test(s);
  if (isInvisible(value)) return containsMessage(label, positionOf(value, isInvisible), fix);
  return null;
}

/**
 * Whether `value` holds any control character of the rule, line breaks and tab included: for
 * values that are not typed into a field, such as the path and query of a URL, where only
 * these characters (not blanks) are a sign of tampering.
 */
export function containsControlCharacter(value: string): boolean {
  return ALWAYS_FORBIDDEN.test(value) || /[\t\n\r]/.test(value);
}

function containsMessage(label: string, position: number, fix: string): string {
  return `${label}不能包含控制字符或不可见字符（第 ${position} 个字符），${fix}`;
}

function withRule(label: string, kind: TextKind) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, label, kind);
      // `continue: false` stops the field's later checks (length, pattern), whose messages
      // would be about the wrong thing.
      if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
    });
}

/**
 * A one-line text field named `label` in messages: trimmed, and refused when it holds a
 * control character, a line break, a bidirectional control or a stray invisible character,
 * or nothing visible at all. Chain `.min()`, `.max()`, `.regex()` as for `z.string()`.
 */
export function singleLine(label: string) {
  return withRule(label, 'single');
}

/** As `singleLine`, but tab, line feed and carriage return are allowed. */
export function multiLine(label: string) {
  return withRule(label, 'multi');
}

/** An optional one-line field: '' (after trimming) becomes null. */
export function optionalSingleLine(label: string, max: number) {
  return singleLine(label)
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((s) => (s === '' ? null : s));
}

/** An optional e-mail address (blank is null); `example` is shown in the message. */
export function optionalEmail(label: string, example: string) {
  return optionalSingleLine(label, 120).refine(
    (s) => s === null || z.email().safeParse(s).success,
    `${label}格式不正确，如 ${example}`,
  );
}
