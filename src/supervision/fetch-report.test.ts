// Fetching reports by address against a local HTTP server: a page with an attached PDF, a
// slow server, an oversized file, and redirects to private addresses. The test server is on
// loopback, so these tests allow exactly 127.0.0.1 and nothing else private.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { FETCH_LIMITS, fetchReport, isPublicAddress, type FetchLimits } from './fetch-report.js';

const pdf = Buffer.from('%PDF-1.4\n% a report\n');
let server: Server;
let base = '';
const limits: FetchLimits = {
  ...FETCH_LIMITS,
  timeoutMs: 1_000,
  maxBytes: 64 * 1024,
  addressAllowed: (a) => a === '127.0.0.1' || a === '::ffff:127.0.0.1',
};

before(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/page.html') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        '<html><body><h1>灵山卫街道2021年政府信息公开工作年度报告</h1><p><a href="/files/other.pdf">通知</a> <a href="/files/%E5%B9%B4%E6%8A%A5.pdf">2021年度报告（PDF）</a></p></body></html>',
      );
    } else if (url.startsWith('/files/')) {
      res.setHeader('content-type', 'application/pdf');
      res.end(url.includes('other') ? Buffer.from('%PDF-1.4 other') : pdf);
    } else if (url === '/slow.pdf') {
      setTimeout(() => res.end(pdf), 3_000).unref();
    } else if (url === '/huge.pdf') {
      res.setHeader('content-type', 'application/pdf');
      res.write(Buffer.alloc(40 * 1024));
      res.write(Buffer.alloc(40 * 1024));
      res.end();
    } else if (url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    } else if (url === '/to-intranet') {
      res.writeHead(301, { location: 'http://10.0.0.8/report.pdf' }).end();
    } else if (url === '/hop') {
      res.writeHead(302, { location: '/page.html' }).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchReport', () => {
  it('follows a page to its attached report, preferring the link named as the report', async () => {
    const r = await fetchReport(`${base}/hop`, limits);
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.deepEqual(Buffer.from(r.bytes), pdf);
    assert.equal(r.name, '年报.pdf');
    assert.equal(r.url, `${base}/files/%E5%B9%B4%E6%8A%A5.pdf`);
  });

  it('gives up on a slow server at the time limit', async () => {
    const r = await fetchReport(`${base}/slow.pdf`, limits);
    assert.deepEqual(r, {
      ok: false,
      error: '网站在 1 秒内未能完成响应，未下载；请稍后再试，或下载文件后上传。',
    });
  });

  it('stops reading an oversized file', async () => {
    const r = await fetchReport(`${base}/huge.pdf`, limits);
    assert.deepEqual(r, {
      ok: false,
      error: '文件超过 64 KB 的上限，未下载；请压缩其中的图片后上传。',
    });
  });

  it('refuses redirects to link-local and private addresses', async () => {
    for (const path of ['/to-metadata', '/to-intranet']) {
      const r = await fetchReport(`${base}${path}`, limits);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.error, /指向内部网络地址，出于安全考虑不予访问/);
    }
  });

  it('refuses loopback by default and by name, and allows it when the administrator does', async () => {
    const refused = await fetchReport(`${base}/files/a.pdf`);
    assert.match(refused.ok ? '' : refused.error, /内部网络地址/);
    const byName = await fetchReport(base.replace('127.0.0.1', 'localhost') + '/files/a.pdf', {
      ...FETCH_LIMITS,
      addressAllowed: () => false,
    });
    assert.match(byName.ok ? '' : byName.error, /内部网络地址/);
    const allowed = await fetchReport(`${base}/files/a.pdf`, {
      ...FETCH_LIMITS,
      allowPrivate: true,
    });
    assert.ok(allowed.ok);
  });

  it('says what to fix for an address that is not one', async () => {
    const r = await fetchReport('www.example.gov.cn/report.pdf');
    assert.match(r.ok ? '' : r.error, /不是有效的网址/);
    const ftp = await fetchReport('ftp://example.gov.cn/report.pdf', limits);
    assert.match(ftp.ok ? '' : ftp.error, /只能下载 http 或 https 网址/);
  });
});

describe('isPublicAddress', () => {
  const cases: [string, boolean][] = [
    ['8.8.8.8', true],
    ['202.96.128.86', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['2400:3200::1', true],
    ['not-an-ip', false],
  ];
  for (const [address, expected] of cases)
    it(`${address} → ${expected ? 'public' : 'refused'}`, () =>
      assert.equal(isPublicAddress(address), expected));
});
