// PDF with a text layer: the text items of each page are regrouped into lines by their
// baseline and into cells by the horizontal gaps between them. pdfjs is loaded only when
// a PDF arrives, so reading text pays nothing for it.
import type { SourceLine } from './document.js';

export const NO_TEXT_LAYER =
  '该PDF没有文字层（可能是扫描件），无法读取，请提供Word版或带文字层的PDF';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Items whose baselines differ by less than this share a line (points). */
const SAME_LINE = 2.5;
/** A gap wider than this many font sizes separates two cells. */
const CELL_GAP = 0.9;
const PAGE_NUMBER =
  /^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$/u;

function pageLines(items: readonly Item[], before: SourceLine | undefined): SourceLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= SAME_LINE) row.push(item);
    else rows.push([item]);
  }
  const out: SourceLine[] = [];
  // Paragraphs start indented; a line starting at the left margin continues the one above.
  const margin = Math.min(...rows.map((r) => Math.min(...r.map((i) => i.x))));
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      if (cells.length > 0 && gap <= CELL_GAP * item.size) cells[cells.length - 1] += item.str;
      else cells.push(item.str);
      end = Math.max(end, item.x + item.width);
    }
    const trimmed = cells.map((c) => c.trim()).filter((c) => c !== '');
    if (trimmed.length === 0 || (trimmed.length === 1 && PAGE_NUMBER.test(trimmed[0]!))) continue;
    const previous = out.length > 0 ? out[out.length - 1] : before;
    const continues =
      previous !== undefined &&
      !previous.tableRow &&
      trimmed.length === 1 &&
      row[0]!.x <= margin + 2;
    out.push({ cells: trimmed, tableRow: trimmed.length > 1, ...(continues ? { continues } : {}) });
  }
  return out;
}

export type PdfLines = { ok: true; lines: SourceLine[] } | { ok: false; error: string };

export async function linesFromPdf(bytes: Uint8Array): Promise<PdfLines> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
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
