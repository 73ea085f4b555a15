// Word (.docx): converted to HTML by mammoth, which keeps merged cells (w:gridSpan as
// colspan, w:vMerge as rowspan), then read like any HTML page.
//
// A .docx is a zip, and a small one can inflate to gigabytes. Its directory is read first
// and the declared sizes checked against the limits; then fflate inflates each part into a
// buffer of exactly the declared size (a lying header cannot make it grow), and mammoth is
// given those parts re-packed uncompressed, so it never inflates anything itself.
import { unzipSync, zipSync } from 'fflate';
import type { SourceLine } from './document.js';
import { linesFromHtml } from './from-html.js';
import { LIMIT_ERRORS, READ_LIMITS, type ReadLimits } from './limits.js';

export const NOT_DOCX =
  '这是一个ZIP压缩文件，但不是Word（.docx）文档，无法作为年度报告读取；请上传.docx、PDF、网页或文本文件';
export const BAD_DOCX = '这个Word（.docx）文件已损坏或不完整，无法打开；请在Word中重新保存后再上传';

export type DocxLines = { ok: true; lines: SourceLine[] } | { ok: false; error: string };

const MAIN_PART = 'word/document.xml';

/** Images are not read: the report is its text and tables. */
const isMedia = (name: string): boolean => /^word\/(?:media|embeddings)\//u.test(name);

/** The declared parts of the archive, or why it is refused. */
function directory(
  bytes: Uint8Array,
  limits: ReadLimits,
): { ok: true; wanted: Set<string> } | { ok: false; error: string } {
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch {
    return { ok: false, error: BAD_DOCX };
  }
  const main = entries.find((e) => e.name === MAIN_PART);
  if (!main) return { ok: false, error: NOT_DOCX };
  if (entries.length > limits.docxEntries)
    return { ok: false, error: LIMIT_ERRORS.docxEntries(entries.length, limits.docxEntries) };
  if (main.size > limits.docxPartBytes)
    return { ok: false, error: LIMIT_ERRORS.docxPart(main.size, limits.docxPartBytes) };
  const parts = entries.filter((e) => !isMedia(e.name) && !e.name.endsWith('/'));
  const total = parts.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.docxTotalBytes)
    return { ok: false, error: LIMIT_ERRORS.docxTotal(total, limits.docxTotalBytes) };
  return { ok: true, wanted: new Set(parts.map((e) => e.name)) };
}

export async function linesFromDocx(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<DocxLines> {
  const dir = directory(bytes, limits);
  if (!dir.ok) return dir;
  let repacked: Uint8Array;
  try {
    const parts = unzipSync(bytes, { filter: (file) => dir.wanted.has(file.name) });
    repacked = zipSync(parts, { level: 0 });
  } catch {
    return { ok: false, error: BAD_DOCX };
  }
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch {
    return { ok: false, error: BAD_DOCX };
  }
  return { ok: true, lines: linesFromHtml(html, limits) };
}
