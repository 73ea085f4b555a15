// What an uploaded file is, judged by its bytes — never by the name or the type the browser
// declared, which anyone can set. Pure: no I/O. The file store refuses what this does not
// recognise before anything is written.
import { unzipSync } from 'fflate';

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'text';

export const ALL_FILE_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'text'];

/** How each kind is named to the person uploading. */
export const FILE_KIND_LABELS: Readonly<Record<FileKind, string>> = {
  pdf: 'PDF 文件',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 表格（.xlsx）',
  text: '纯文本文件',
};

const MIME: Readonly<Record<Exclude<FileKind, 'text'>, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** File name extensions that promise a kind; a file whose content says otherwise is refused. */
const EXTENSION_KIND: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  docx: 'docx',
  xlsx: 'xlsx',
  txt: 'text',
};

export interface Detected {
  kind: FileKind;
  /** The stored Content-Type; text carries the charset it was found to be in. */
  contentType: string;
}

/** Recognised but not accepted: named so the message can say what to do instead. */
export type Unsupported = 'legacy-office' | 'zip' | 'unknown';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls, .ppt

/** `%PDF-` may follow some bytes of junk; readers accept it within the first KiB. */
function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

/** Only the archive's directory is read: no entry is inflated. */
function officeKind(bytes: Uint8Array): 'docx' | 'xlsx' | null {
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter(file) {
        names.add(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** Controls other than tab, line feed, form feed and carriage return mean binary data. */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function textCharset(bytes: Uint8Array): string | null {
  const attempts: [string, Uint8Array][] = [];
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) attempts.push(['utf-8', bytes.subarray(3)]);
  else if (startsWith(bytes, [0xff, 0xfe])) attempts.push(['utf-16le', bytes.subarray(2)]);
  else if (startsWith(bytes, [0xfe, 0xff])) attempts.push(['utf-16be', bytes.subarray(2)]);
  // Without a byte-order mark: UTF-8 if it is valid, else GB18030 (a superset of GBK and
  // GB2312, which Windows in China writes).
  else attempts.push(['utf-8', bytes], ['gb18030', bytes]);
  for (const [charset, body] of attempts) {
    let text: string;
    try {
      text = new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      continue;
    }
    return BINARY_CONTROL.test(text) ? null : charset;
  }
  return null;
}

export function detectFileKind(
  bytes: Uint8Array,
): { ok: true; detected: Detected } | { ok: false; unsupported: Unsupported } {
  const found = (kind: Exclude<FileKind, 'text'>) =>
    ({ ok: true, detected: { kind, contentType: MIME[kind] } }) as const;
  if (startsWith(bytes, PNG)) return found('png');
  if (startsWith(bytes, JPEG)) return found('jpeg');
  if (startsWith(bytes, ZIP)) {
    const office = officeKind(bytes);
    return office ? found(office) : { ok: false, unsupported: 'zip' };
  }
  if (startsWith(bytes, OLE)) return { ok: false, unsupported: 'legacy-office' };
  if (isPdf(bytes)) return found('pdf');
  const charset = textCharset(bytes);
  if (charset)
    return { ok: true, detected: { kind: 'text', contentType: `text/plain; charset=${charset}` } };
  return { ok: false, unsupported: 'unknown' };
}

/** The kind the file name's extension promises, if it is one we know. */
export function kindFromFilename(filename: string): FileKind | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename);
  return m ? (EXTENSION_KIND[m[1]!.toLowerCase()] ?? null) : null;
}
