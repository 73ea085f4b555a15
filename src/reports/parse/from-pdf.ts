// PDF with a text layer: the text items of each page are laid out into lines of cells
// (pdf-layout.ts). pdfjs is loaded only when a PDF arrives, so reading text pays nothing
// for it.
import type { SourceLine } from './document.js';
import { pageLines } from './pdf-layout.js';
import type { Item } from './pdf-layout.js';

export const NO_TEXT_LAYER =
  '该PDF没有文字层（可能是扫描件），无法读取，请提供Word版或带文字层的PDF';

export type PdfLines = { ok: true; lines: SourceLine[] } | { ok: false; error: string };

export async function linesFromPdf(bytes: Uint8Array): Promise<PdfLines> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the buffer it is given, and refuses a Node Buffer:
  // pass a plain Uint8Array copy (Buffer#slice would be a Buffer view, not a copy).
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  try {
    const doc = await task.promise;
    const lines: SourceLine[] = [];
    let characters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, , , x, y] = it.transform as number[];
        characters += it.str.trim().length;
        items.push({
          str: it.str,
          x: x ?? 0,
          y: y ?? 0,
          width: it.width,
          size: Math.hypot(a ?? 0, b ?? 0) || 10,
        });
      }
      lines.push(...pageLines(items, lines[lines.length - 1]));
      page.cleanup();
    }
    if (characters === 0) return { ok: false, error: NO_TEXT_LAYER };
    return { ok: true, lines };
  } finally {
    await task.destroy();
  }
}
