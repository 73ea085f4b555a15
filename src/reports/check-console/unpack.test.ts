import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { fixEntryName, unpackUploads, UPLOAD_LIMITS } from './unpack.js';

const file = (name: string, text = '内容') => ({ name, bytes: strToU8(text) });

describe('unpackUploads', () => {
  it('passes plain files through and opens a zip, skipping folders and archiver junk', () => {
    const zip = zipSync({
      '报告/甲.txt': strToU8('甲'),
      '报告/乙.html': strToU8('<p>乙</p>'),
      '__MACOSX/报告/._甲.txt': strToU8('x'),
      '.DS_Store': strToU8('x'),
    });
    const out = unpackUploads([file('a.docx'), { name: 'batch.zip', bytes: zip }]);
    assert.deepEqual(
      out.map((f) => f.name),
      ['a.docx', 'batch.zip/报告/甲.txt', 'batch.zip/报告/乙.html'],
    );
    const first = out[1]!;
    assert.ok(first.error === undefined && new TextDecoder().decode(first.bytes) === '甲');
  });

  it('does not open a zip inside a zip', () => {
    const inner = zipSync({ 'x.txt': strToU8('x') });
    const out = unpackUploads([
      { name: 'outer.zip', bytes: zipSync({ 'inner.zip': inner, 'y.txt': strToU8('y') }) },
    ]);
    assert.match(out[0]!.error ?? '', /压缩包中的压缩包不再解压/);
    assert.equal(out[1]!.error, undefined);
  });

  it('refuses an archive with too many entries before inflating anything', () => {
    const entries = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`${i}.txt`, strToU8('x')]),
    );
    const out = unpackUploads([{ name: 'many.zip', bytes: zipSync(entries) }], {
      ...UPLOAD_LIMITS,
      zipEntries: 5,
    });
    assert.equal(out.length, 1);
    assert.match(out[0]!.error ?? '', /压缩包中有 6 个文件，超过每个压缩包 5 个的上限/);
  });

  it('refuses an archive that would inflate beyond the size limit (a zip bomb)', () => {
    // 4 MB of zeros compress to a few kilobytes.
    const bomb = zipSync({ 'bomb.txt': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 64 * 1024);
    const out = unpackUploads([{ name: 'bomb.zip', bytes: bomb }], {
      ...UPLOAD_LIMITS,
      zipBytes: 1024 * 1024,
    });
    assert.equal(out.length, 1);
    assert.match(out[0]!.error ?? '', /解压后共 4 MB，超过 1 MB 的上限/);
  });

  it('says so for a broken archive', () => {
    const out = unpackUploads([{ name: 'broken.zip', bytes: strToU8('PK this is not a zip') }]);
    assert.match(out[0]!.error ?? '', /压缩包已损坏或不是 zip 格式/);
  });

  it('checks at most the file limit and says what was left out', () => {
    const uploads = Array.from({ length: 4 }, (_, i) => file(`${i}.txt`));
    const out = unpackUploads(uploads, { ...UPLOAD_LIMITS, files: 3 });
    assert.equal(out.length, 4);
    assert.equal(out[3]!.name, '其余 1 个文件');
    assert.match(out[3]!.error ?? '', /一次最多检查 3 份报告/);
  });
});

describe('fixEntryName', () => {
  it('decodes GBK names that a zip without the UTF-8 flag carries', () => {
    const gbk = Uint8Array.from([0xc4, 0xea, 0xb1, 0xa8]); // 「年报」 in GBK
    const asLatin1 = String.fromCharCode(...gbk);
    assert.equal(fixEntryName(`${asLatin1}.txt`), '年报.txt');
  });

  it('decodes UTF-8 bytes read as Latin-1 and leaves proper names alone', () => {
    const utf8 = new TextEncoder().encode('报告.txt');
    assert.equal(fixEntryName(String.fromCharCode(...utf8)), '报告.txt');
    assert.equal(fixEntryName('报告.txt'), '报告.txt');
    assert.equal(fixEntryName('report.txt'), 'report.txt');
  });
});
