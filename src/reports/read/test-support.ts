// Hostile report files for tests, made by the tests themselves: the damaged PDF, the .docx
// decompression bombs, the merged-cell and unclosed-tag pages and the number flood that
// took the server down before reports were read in workers with limits.
import { readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';

const fixtures = new URL('../../../test/fixtures/reports/', import.meta.url);

/** A real report PDF. */
export const goodPdf = (): Uint8Array =>
  new Uint8Array(readFileSync(new URL('2024-hongze-district-government.pdf', fixtures)));

/** The seed report as text. */
export const seedText = (): Uint8Array =>
  new Uint8Array(readFileSync(new URL('seed-2021-lingshanwei.txt', fixtures)));

/**
 * The real PDF with two objects' keywords damaged (`39 0 obj` → `39 0 xbj`, `41 0 obj` →
 * `41 0 xbj`): pdf.js then rejects promises nobody handles (XRefEntryException).
 */
export function damagedPdf(): Uint8Array {
  const bytes = goodPdf();
  const latin1 = Buffer.from(bytes).toString('latin1');
  const damaged = latin1.replace('39 0 obj', '39 0 xbj').replace('41 0 obj', '41 0 xbj');
  if (damaged === latin1) throw new Error('fixture changed: objects 39 and 41 not found');
  return new Uint8Array(Buffer.from(damaged, 'latin1'));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOC_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_CLOSE = '</w:body></w:document>';

/**
 * A .docx whose word/document.xml inflates to about `inflatedBytes`, made of `unit`
 * repeated (paragraphs, or spaces). One block is deflated with a full flush (which makes
 * its compressed bytes independent of what precedes them) and repeated, so a bomb of a
 * gigabyte is built in a fraction of a second without ever being held inflated.
 */
export function docxBomb(inflatedBytes: number, unit: string): Uint8Array {
  const head = strToU8(DOC_OPEN);
  const block = strToU8(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  const tail = strToU8(DOC_CLOSE);
  const repeats = Math.max(1, Math.ceil(inflatedBytes / block.length));
  const flushed = (bytes: Uint8Array) =>
    deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const compressed = [
    flushed(head),
    ...Array<Buffer>(repeats).fill(flushed(block)),
    deflateRawSync(tail),
  ];
  let crc = crc32(head);
  for (let i = 0; i < repeats; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const size = head.length + repeats * block.length + tail.length;
  return zipOf([
    {
      name: '[Content_Types].xml',
      method: 0,
      data: [strToU8(CONTENT_TYPES)],
      crc: crc32(CONTENT_TYPES),
      size: CONTENT_TYPES.length,
    },
    { name: 'word/document.xml', method: 8, data: compressed, crc, size },
  ]);
}

interface Entry {
  name: string;
  method: 0 | 8;
  data: Uint8Array[];
  crc: number;
  size: number;
}

/** A plain zip archive (no data descriptors, no zip64): enough for archives under 4 GiB. */
function zipOf(entries: readonly Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const compressedSize = e.data.reduce((n, d) => n + d.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(compressedSize, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, ...e.data);
    central.push(dir, name);
    offset += 30 + name.length + compressedSize;
  }
  const centralSize = central.reduce((n, d) => n + d.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return concat([...parts, ...central, end]);
}

/** 200 MiB of paragraphs in an archive of about 1 MB. */
export const paragraphBomb = (): Uint8Array =>
  docxBomb(200 * 1024 * 1024, '<w:p><w:r><w:t>一</w:t></w:r></w:p>');

/** 1 GiB of spaces. */
export const spaceBomb = (): Uint8Array => docxBomb(1024 * 1024 * 1024, ' ');

/** A page of `rows` rows of `cells` cells, each merged over 64 × 64. */
export function spanBombPage(rows: number, cells: number): Uint8Array {
  const row = `<tr>${'<td rowspan="64" colspan="64">1</td>'.repeat(cells)}</tr>`;
  return strToU8(`<html><body><table>${row.repeat(rows)}</table></body></html>`);
}

/** `count` unclosed <div>: node-html-parser's time grows with their square. */
export const unclosedDivs = (count: number): Uint8Array =>
  strToU8(`<html><body>${'<div>'.repeat(count)}一</body></html>`);

/** About `bytes` of 「1 1 1 …」. */
export const numberFlood = (bytes: number): Uint8Array =>
  strToU8('1 '.repeat(Math.ceil(bytes / 2)));

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
