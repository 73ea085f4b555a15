// Turning an uploaded catalogue file into rows of text: .xlsx through exceljs (the first
// worksheet), CSV as UTF-8 (with or without a byte order mark), UTF-16 with its mark, or —
// when the bytes are not valid UTF-8 — GB18030 (what Excel on a Chinese Windows writes,
// a superset of GBK and GB2312), through iconv-lite.
import type { CellValue } from 'exceljs';
import iconv from 'iconv-lite';
import { parseCsv } from './csv.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type FileRows =
  { ok: true; rows: string[][]; encoding: string } | { ok: false; error: string };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'GB18030' };
  }
}

/** A cell as the text a reader sees; a date cell as YYYY-MM-DD. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function xlsxRows(bytes: Uint8Array): Promise<FileRows> {
  // Loaded when a spreadsheet comes: 30 MB of the server's memory, for a rare upload.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: '无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: '这个 Excel 文件没有工作表' };
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    return { ok: false, error: tooMany(sheet.rowCount - 1) };
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++)
      cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return { ok: true, rows, encoding: 'xlsx' };
}

const tooMany = (n: number) =>
  `文件有 ${n} 行数据，超过一次导入的上限 ${MAX_IMPORT_ROWS} 行：请按年度拆分成几个文件分别导入`;

/** Reads the file whole; every refusal says what to do about it. */
export async function readCatalogueFile(bytes: Uint8Array, filename: string): Promise<FileRows> {
  if (bytes.length === 0) return { ok: false, error: '文件是空的' };
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB：请按年度拆分后分别导入`,
    };
  const lower = filename.toLowerCase();
  if (isOle(bytes) || lower.endsWith('.xls'))
    return {
      ok: false,
      error: '不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
    };
  if (isZip(bytes)) return xlsxRows(bytes);
  if (lower.endsWith('.xlsx'))
    return { ok: false, error: '无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式' };
  const { text, encoding } = decodeCsvBytes(bytes);
  if (text.includes('\u0000'))
    return {
      ok: false,
      error: '文件不是文本格式的 CSV，也不是 .xlsx：请导出为 CSV 或 .xlsx 后再导入',
    };
  const rows = parseCsv(text);
  if (rows.length > MAX_IMPORT_ROWS + 1) return { ok: false, error: tooMany(rows.length - 1) };
  return { ok: true, rows, encoding };
}
