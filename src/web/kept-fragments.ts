// Parts of a page that come out the same for every request with the same inputs (a portal
// page's navigation and footer, a catalogue's filter form and its 第二十条 list), rendered
// once to HTML and kept, so that a page rendered after a change (the page cache has nothing
// for it then: decision 0029) renders only what the change touched. A profile of the
// catalogue page put JSX rendering at the largest share of its CPU time, most of it in such
// parts. Decision 0032.
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Anything a JSX expression or `html` template gives: rendered with `String()`. */
type Renderable = { toString(): string | Promise<string> };

/**
 * Fragments kept at most: a few per agency and page kind (500 agencies, a few KB each) with
 * room for the filtered variants; beyond it the oldest is dropped, so the memory is bounded
 * whatever visitors ask for; the one unused longest goes first.
 */
const KEPT_FRAGMENTS = 4000;

const kept = new Map<string, HtmlEscapedString>();

/**
 * The HTML `render` gives for `inputs`, rendered on first use and kept. `render` must read
 * nothing but `inputs` (no request, no context, no clock): what it reads elsewhere would be
 * frozen into the kept copy. `name` says which fragment it is, so two fragments with the same
 * inputs never share a copy. `inputs` are compared as JSON.
 */
export function keptFragment(
  name: string,
  inputs: readonly unknown[],
  render: () => Renderable,
): HtmlEscapedString {
  const key = JSON.stringify([name, ...inputs]);
  const found = kept.get(key);
  if (found) {
    // Used again: to the back of the line, so the fragments in use are the last to go.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const text = render().toString();
  // An async component inside would leave a promise: a programming error, said at once.
  if (typeof text !== 'string') throw new Error(`kept fragment ${name} did not render at once`);
  const fragment = raw(text);
  if (kept.size >= KEPT_FRAGMENTS) kept.delete(kept.keys().next().value!);
  kept.set(key, fragment);
  return fragment;
}

/** How many fragments are kept now (for tests). */
export const keptFragmentCount = (): number => kept.size;
