import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_REPORT_FILE_BYTES, readReportBytes, readReportBytesSync } from './read-file.js';

// The worker's synchronous read and the command line's asynchronous one are one rule: the same
// bytes, and the same Chinese reason for each path they refuse.
describe('readReportBytes and readReportBytesSync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-read-file-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const report = join(dir, 'report.txt');
  writeFileSync(report, '一、总体情况');
  const huge = join(dir, 'huge.pdf');
  writeFileSync(huge, '');
  truncateSync(huge, MAX_REPORT_FILE_BYTES + 1); // sparse: no 64 MB written

  it('reads the same bytes, as a plain Uint8Array (pdf.js refuses Buffers)', async () => {
    const sync = readReportBytesSync(report);
    const async = await readReportBytes(report);
    assert.ok(sync instanceof Uint8Array && !Buffer.isBuffer(sync));
    assert.deepEqual(sync, async);
    assert.equal(new TextDecoder().decode(sync), '一、总体情况');
  });

  for (const [label, path, expected] of [
    ['a missing file', join(dir, 'missing.txt'), /找不到该文件/],
    ['a folder', dir, /这是一个文件夹/],
    ['a file larger than any report', huge, /超过 64 MB 的上限/],
  ] as const) {
    it(`refuses ${label} alike, with its reason`, async () => {
      const sync = readReportBytesSync(path);
      const async = await readReportBytes(path);
      assert.ok(!(sync instanceof Uint8Array));
      assert.match(sync.error, expected);
      assert.deepEqual(sync, async);
    });
  }
});
