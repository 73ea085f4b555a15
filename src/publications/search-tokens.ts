// The search tokens of Chinese text, made in the application and indexed by the database
// (docs/design: SQLite FTS5 over pre-tokenised text, PostgreSQL tsvector 'simple' + GIN).
// Han characters become overlapping bigrams — 征地补偿 → 征地 地补 补偿 — so two-character
// words (征地, 低保) match, and 征地 never matches 征求…地下 (no such bigram). Runs of letters
// and digits become one lower-cased token each, so document numbers (〔2021〕8号 → 2021, 8)
// and index numbers match. Pure.
//
// Every token is written as `x` + its code points in hex, so the database's own tokenizer
// sees plain ASCII words and never splits or folds them.

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** The raw tokens of `text`, in order (bigrams of Han runs, words of letters and digits). */
export function rawTokens(text: string): string[][] {
  const groups: string[][] = [];
  let han: string[] = [];
  let word = '';
  const flushHan = () => {
    if (han.length === 1) groups.push([han[0] as string]);
    else if (han.length > 1) {
      const bigrams: string[] = [];
      for (let i = 0; i + 1 < han.length; i++) bigrams.push(`${han[i]}${han[i + 1]}`);
      groups.push(bigrams);
    }
    han = [];
  };
  const flushWord = () => {
    if (word) groups.push([word.toLowerCase()]);
    word = '';
  };
  for (const ch of text.normalize('NFKC')) {
    if (HAN.test(ch)) {
      flushWord();
      han.push(ch);
    } else if (WORD.test(ch)) {
      flushHan();
      word += ch;
    } else {
      flushHan();
      flushWord();
    }
  }
  flushHan();
  flushWord();
  return groups;
}

/** One token as the index stores it: ASCII only. */
export function encodeToken(token: string): string {
  return `x${[...token].map((c) => (c.codePointAt(0) ?? 0).toString(16)).join('')}`;
}

/**
 * The token of an agency, kept in the index entry's own `agency` column, so the database
 * finds one agency's matches by intersecting posting lists (the agency token's with the
 * query's) instead of reading every match of every agency back to test its agency
 * (docs/decisions/0019-publications.md). `a` + the agency id's UTF-8 bytes in hex (two
 * digits a byte, so two ids never share one): never a token of text, which always starts
 * with `x` (encodeToken), so no query can ask for it or match it by accident.
 */
export function agencyToken(agencyId: string): string {
  const hex = [...new TextEncoder().encode(agencyId)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `a${hex}`;
}

/** The document as one string of encoded tokens, for the index. */
export function indexText(...parts: (string | null | undefined)[]): string {
  return parts
    .flatMap((p) => (p ? rawTokens(p) : []))
    .flat()
    .map(encodeToken)
    .join(' ');
}

/**
 * What a query asks for: phrases that must all match. Each part of the query (parts are
 * separated by spaces, commas, 顿号 or semicolons) is one phrase of encoded tokens that must
 * be adjacent and in order — so 征地补偿 needs its bigrams in a row, and a document number
 * such as 灵街办发〔2021〕30号 matches only as a whole. Empty when there is nothing to search
 * for; at most `max` phrases are kept.
 */
export function queryPhrases(query: string, max = 12): string[][] {
  return query
    .normalize('NFKC')
    .split(/[\s,、;，；]+/u)
    .map((part) => rawTokens(part).flat().map(encodeToken))
    .filter((phrase) => phrase.length > 0)
    .slice(0, max);
}

/** The plain text of a sanitised body (tags dropped, entities of the escaper undone). */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The search terms as typed, for highlighting: Han runs and words, longest first. */
export function highlightTerms(query: string): string[] {
  const terms = query
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export interface Marked {
  text: string;
  mark: boolean;
}

/** `text` cut into pieces, the ones equal to a term (case-insensitive) marked. */
export function markTerms(text: string, terms: readonly string[]): Marked[] {
  if (terms.length === 0) return [{ text, mark: false }];
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text
    .split(re)
    .filter((s) => s !== '')
    .map((s, i) => ({
      text: s,
      mark: i >= 0 && terms.some((t) => t.toLowerCase() === s.toLowerCase()),
    }));
}
