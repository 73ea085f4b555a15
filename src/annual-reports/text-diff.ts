// A plain difference between last year's text of a section and this year's, sentence by
// sentence (a longest common subsequence): what stayed, what was removed, what was added.
// Sentences, not characters: an office reads which statements it kept from last year.

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** 「一。二！」 → 「一。」「二！」; a line break ends a sentence too. */
export function sentences(text: string): string[] {
  return (text.match(/[^。！？；\n]+[。！？；]*|[。！？；]+/gu) ?? [])
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Sentences of `before` and `after` in order, each marked same, removed or added. */
export function diffSentences(before: string, after: string): DiffPart[] {
  const a = sentences(before);
  const b = sentences(after);
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ kind: 'added', text: b[j]! });
      j++;
    } else {
      out.push({ kind: 'removed', text: a[i]! });
      i++;
    }
  }
  return out;
}
