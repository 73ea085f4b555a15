// How deep a page's elements nest, measured by one linear scan of its tags before the page
// is parsed. node-html-parser takes time quadratic in the number of elements left open
// (100,000 unclosed <div> take about a minute), while properly closed pages of any size are
// fast; a page whose open elements pile up past the limit is refused instead of parsed.
//
// The scan follows HTML closely enough for a bound, not for a tree: void elements never
// open, raw-text elements (script, style…) are skipped whole, a close tag closes up to the
// nearest open element of its name (and is ignored when none is open), and the elements
// that a sibling of the same name closes implicitly (<p>, <li>, <td>, <tr>…) do so.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'frame',
  'keygen',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);
/** An open element of this name is closed when another of the same (or a listed) name opens. */
const CLOSED_BY: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  td: ['td', 'th', 'tr'],
  th: ['td', 'th', 'tr'],
  tr: ['tr'],
  thead: ['tbody', 'tfoot'],
  tbody: ['tbody', 'tfoot'],
};

const TAG = /<(\/?)([a-z][a-z0-9:-]*)[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)/gu;

/**
 * The greatest number of elements open at once, or `limit + 1` as soon as it exceeds
 * `limit` (the rest of the page is then not scanned).
 */
export function maxOpenDepth(html: string, limit: number): number {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  let deepest = 0;
  const push = (name: string): void => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const popTo = (name: string): void => {
    if (!openCount.get(name)) return;
    for (;;) {
      const top = stack.pop()!;
      openCount.set(top, openCount.get(top)! - 1);
      if (top === name) return;
    }
  };
  // Lower-cased once: finding the end of each <script> must not copy the page again.
  const page = html.toLowerCase();
  TAG.lastIndex = 0;
  for (let m = TAG.exec(page); m; m = TAG.exec(page)) {
    if (m[2] === undefined) continue; // a comment
    const name = m[2];
    if (m[1] === '/') {
      popTo(name);
      continue;
    }
    if (VOID.has(name) || m[3] === '/') continue;
    if (RAW_TEXT.has(name)) {
      const end = page.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = end === -1 ? page.length : end;
      continue;
    }
    for (let top = stack.at(-1); top !== undefined && CLOSED_BY[top]?.includes(name);) {
      popTo(top);
      top = stack.at(-1);
    }
    push(name);
    if (stack.length > deepest) {
      deepest = stack.length;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}
