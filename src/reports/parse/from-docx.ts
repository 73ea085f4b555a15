// Word (.docx): converted to HTML by mammoth, which keeps merged cells (w:gridSpan as
// colspan, w:vMerge as rowspan), then read like any HTML page.
import { unzipSync } from 'fflate';
import type { SourceLine } from './document.js';
import { linesFromHtml } from './from-html.js';

export const NOT_DOCX =
  '这是一个ZIP压缩文件，但不是Word（.docx）文档，无法作为年度报告读取；请上传.docx、PDF、网页或文本文件';
export const BAD_DOCX = '这个Word（.docx）文件已损坏或不完整，无法打开；请在Word中重新保存后再上传';

export type DocxLines = { ok: true; lines: SourceLine[] } | { ok: false; error: string };

function hasDocumentPart(bytes: Uint8Array): boolean | null {
  try {
    let found = false;
    unzipSync(bytes, {
      filter: (file) => {
        if (file.name === 'word/document.xml') found = true;
        return false;
      },
    });
    return found;
  } catch {
    return null;
  }
}

export async function linesFromDocx(bytes: Uint8Array): Promise<DocxLines> {
  const part = hasDocumentPart(bytes);
  if (part === null) return { ok: false, error: BAD_DOCX };
  if (!part) return { ok: false, error: NOT_DOCX };
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return { ok: true, lines: linesFromHtml(result.value) };
  } catch {
    return { ok: false, error: BAD_DOCX };
  }
}
