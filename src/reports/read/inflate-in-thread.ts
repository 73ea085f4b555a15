// pdf.js (5.x) inflates a PDF's compressed streams — every page's content, every embedded
// font — through the web's DecompressionStream where there is one, and in Node that runs
// zlib on libuv's thread pool: the reading thread hands each stream over and waits for a
// pool thread to be scheduled. With two readers busy on two cores each worker's event loop
// stood idle 12 % of the time waiting so (2026-12-03: 0.87–0.89 of each worker's time busy;
// 0.97–0.98 without it, and 10 % more PDFs a second). Without DecompressionStream pdf.js
// inflates in the reading thread itself, with its own decoder (the one it used before 5.x,
// and still its fallback whenever DecompressionStream fails).

/** Makes pdf.js inflate in the calling thread: for threads that do nothing but read files. */
export function inflateInThisThread(): void {
  Object.defineProperty(globalThis, 'DecompressionStream', {
    value: undefined,
    configurable: true,
    writable: true,
  });
}
