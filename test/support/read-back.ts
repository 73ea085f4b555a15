// Counts how often a finished answer's body is read back (arrayBuffer, text, blob), for the
// tests proving that the public page headers and the page cache take a page as `c.html`
// rendered it instead (src/web/rendered-html.ts).
const READS = ['arrayBuffer', 'text', 'blob'] as const;

/** Makes every later read of `res`'s body call `onRead` first. */
export function countReadsOf(res: Response, onRead: () => void): void {
  const methods = res as unknown as Record<(typeof READS)[number], () => Promise<unknown>>;
  for (const how of READS) {
    const read = methods[how].bind(res);
    methods[how] = () => {
      onRead();
      return read();
    };
  }
}
