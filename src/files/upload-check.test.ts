import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { detectFileKind } from './content-type.js';
import { checkUpload, cleanFilename } from './upload-check.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  );

const samples = {
  pdf: bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0]),
  docx: zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8('<w:document/>'),
  }),
  xlsx: zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook/>'),
  }),
  utf8: bytes('政府信息公开申请\r\n\t第一项\n'),
};

function kindOf(b: Uint8Array) {
  const r = detectFileKind(b);
  return r.ok ? r.detected.contentType : r.unsupported;
}

describe('content detection', () => {
  test('each accepted kind is recognised by its bytes', () => {
    assert.equal(kindOf(samples.pdf), 'application/pdf');
    assert.equal(kindOf(bytes('\r\n\r\n', [...samples.pdf])), 'application/pdf');
    assert.equal(kindOf(samples.png), 'image/png');
    assert.equal(kindOf(samples.jpeg), 'image/jpeg');
    assert.equal(
      kindOf(samples.docx),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(
      kindOf(samples.xlsx),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  test('text: UTF-8, UTF-8 or UTF-16 with a byte-order mark, GB18030', () => {
    assert.equal(kindOf(samples.utf8), 'text/plain; charset=utf-8');
    assert.equal(kindOf(bytes([0xef, 0xbb, 0xbf], '年度报告')), 'text/plain; charset=utf-8');
    assert.equal(
      kindOf(bytes([0xff, 0xfe, 0x3f, 0x5e, 0x9c, 0x5e])),
      'text/plain; charset=utf-16le',
    );
    // 你好，政府 in GBK: not valid UTF-8.
    assert.equal(
      kindOf(bytes([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xd5, 0xfe, 0xb8, 0xae], '\n')),
      'text/plain; charset=gb18030',
    );
  });

  test('binary data, other archives and old Office files are not accepted kinds', () => {
    assert.equal(kindOf(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])), 'unknown');
    assert.equal(kindOf(bytes('GIF89a', [1, 0, 1, 0, 0x80, 0])), 'unknown');
    assert.equal(kindOf(bytes('plain words', [0], 'more')), 'unknown');
    assert.equal(kindOf(zipSync({ 'a.txt': strToU8('a') })), 'zip');
    // A zip that names the Word part but lacks the package's content types is no .docx.
    assert.equal(kindOf(zipSync({ 'word/document.xml': strToU8('x') })), 'zip');
    assert.equal(kindOf(bytes([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'zip');
    assert.equal(
      kindOf(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      'legacy-office',
    );
  });
});

describe('upload check', () => {
  test('an accepted file keeps its cleaned name and its detected type', () => {
    const r = checkUpload(samples.pdf, 'C:\\fakepath\\申请表.pdf');
    assert.deepEqual(r, {
      ok: true,
      detected: { kind: 'pdf', contentType: 'application/pdf' },
      filename: '申请表.pdf',
    });
    // An extension we do not know promises nothing: the content decides.
    assert.equal(checkUpload(samples.utf8, '说明.md').ok, true);
    assert.equal(checkUpload(samples.png, '无扩展名').ok, true);
  });

  test('refusals say why and what to do', () => {
    const refuse = (...args: Parameters<typeof checkUpload>) => {
      const r = checkUpload(...args);
      assert.equal(r.ok, false);
      return r.ok ? { reason: '', message: '' } : r;
    };
    assert.deepEqual(refuse(new Uint8Array(0), 'a.pdf'), {
      ok: false,
      reason: 'empty',
      message: '文件「a.pdf」是空的：请确认选择了正确的文件后重新上传。',
    });
    const big = refuse(samples.pdf, 'big.pdf', { maxBytes: 16, accept: ['pdf'] });
    assert.equal(big.reason, 'too_large');
    assert.match(big.message, /超过 1 KB 的上限：请压缩其中的图片或拆分文件后重新上传/);
    const exe = refuse(bytes('MZ', [0x90, 0]), 'setup.exe');
    assert.equal(exe.reason, 'type');
    assert.match(exe.message, /只接受PDF 文件、PNG 图片、JPEG 图片、Word 文档（\.docx）/);
    const renamed = refuse(samples.png, '答复书.pdf');
    assert.equal(renamed.reason, 'mismatch');
    assert.equal(
      renamed.message,
      '文件「答复书.pdf」的扩展名表明它是PDF 文件，内容却是PNG 图片：请确认选择了正确的文件，或改正扩展名后重新上传。',
    );
    const onlyPdf = refuse(samples.utf8, 'a.txt', { maxBytes: 1000, accept: ['pdf'] });
    assert.match(onlyPdf.message, /只接受PDF 文件）/);
    assert.match(
      refuse(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), '旧.doc').message,
      /另存为 \.docx 或 \.xlsx/,
    );
    assert.match(
      refuse(zipSync({ 'a.pdf': samples.pdf }), '材料.zip').message,
      /是压缩包：请解压后逐个上传/,
    );
  });

  test('file names are metadata only: no path, no control characters, bounded length', () => {
    assert.equal(cleanFilename('../../etc/passwd'), 'passwd');
    assert.equal(cleanFilename('a\u0000b\nc.txt'), 'abc.txt');
    assert.equal(cleanFilename('  '), '未命名文件');
    const long = cleanFilename(`${'长'.repeat(300)}.docx`);
    assert.equal([...long].length, 200);
    assert.ok(long.endsWith('长.docx'));
  });
});
