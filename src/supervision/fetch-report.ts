// Fetches a published report by its web address, for a batch: within a size and a time
// limit, following redirects (at most five) and, from a page that is not itself a report,
// one link to its attached PDF or Word file. Addresses on private, loopback, link-local and
// other non-public networks are refused unless the administrator allows them — checked on
// every hop, on the address the name actually resolved to (the connection is made to that
// very address, so a name that resolves differently a second time cannot slip through).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { parse } from 'node-html-parser';
import { sizeText } from '../reports/check-console/unpack.js';

export interface FetchLimits {
  maxBytes: number;
  /** For the whole fetch of one address, every hop and the attachment included. */
  timeoutMs: number;
  maxRedirects: number;
  allowPrivate: boolean;
  /** Which resolved addresses may be connected to (default: public ones); tests narrow it. */
  addressAllowed?: (address: string) => boolean;
}

function allowed(limits: FetchLimits, address: string): boolean {
  return limits.allowPrivate || (limits.addressAllowed ?? isPublicAddress)(address);
}

export const FETCH_LIMITS: Readonly<FetchLimits> = {
  maxBytes: 30 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
  allowPrivate: false,
};

export type FetchResult =
  { ok: true; bytes: Uint8Array; url: string; name: string } | { ok: false; error: string };

/** Networks that are not the public internet (IANA special-purpose registries). */
const NON_PUBLIC = (() => {
  const b = new BlockList();
  for (const [net, bits] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 3],
  ] as const)
    b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
    ['2001:db8::', 32],
    ['64:ff9b::', 96],
  ] as const)
    b.addSubnet(net, bits, 'ipv6');
  return b;
})();

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return !NON_PUBLIC.check(mapped[1]!, 'ipv4');
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const PRIVATE_REFUSED = (host: string) =>
  `网址「${host}」指向内部网络地址，出于安全考虑不予访问；如确需检查内网网站上的报告，请联系系统管理员开启此项设置，或下载文件后上传。`;

class FetchRefused extends Error {}

/** dns.lookup that refuses non-public results (unless allowed): the socket connects to what it returns. */
function guardedLookup(limits: FetchLimits): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => !allowed(limits, a.address));
      if (bad || list.length === 0)
        return callback(new FetchRefused(PRIVATE_REFUSED(hostname)), '', 0);
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

interface Response {
  status: number;
  location: string | null;
  contentType: string;
  disposition: string;
  bytes: Uint8Array;
}

function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !allowed(limits, host)) {
      reject(new FetchRefused(PRIVATE_REFUSED(url.hostname)));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      {
        lookup: guardedLookup(limits),
        signal,
        headers: { 'user-agent': 'Gongkai report check', accept: '*/*' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
        };
        if (status >= 300 && status < 400) {
          res.resume();
          resolve({
            status,
            location: header('location') || null,
            contentType: '',
            disposition: '',
            bytes: new Uint8Array(),
          });
          return;
        }
        const declared = Number(header('content-length'));
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          res.destroy();
          reject(new FetchRefused(tooLarge(limits)));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            res.destroy();
            reject(new FetchRefused(tooLarge(limits)));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status,
            location: null,
            contentType: header('content-type'),
            disposition: header('content-disposition'),
            bytes: new Uint8Array(Buffer.concat(chunks)),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

const tooLarge = (limits: FetchLimits) =>
  `文件超过 ${sizeText(limits.maxBytes)} 的上限，未下载；请压缩其中的图片后上传。`;

/** Follows redirects, checking each hop's scheme and address. */
async function follow(
  start: URL,
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<{ url: URL; res: Response }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FetchRefused(`只能下载 http 或 https 网址，「${url.href}」不是。`);
    const res = await get(url, limits, signal);
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (hop >= limits.maxRedirects)
        throw new FetchRefused(
          `网址跳转超过 ${limits.maxRedirects} 次，已停止；请直接填写报告文件的网址。`,
        );
      url = new URL(res.location, url);
      continue;
    }
    if (res.status !== 200)
      throw new FetchRefused(`网站返回错误（HTTP ${res.status}），未能下载；请核对网址是否正确。`);
    return { url, res };
  }
}

const ATTACHMENT = /\.(pdf|docx|doc|wps)(?:$|[?#])/i;

/** Whether a page is itself the report (its table 三), not only a page linking to it. */
function pageIsReport(html: string): boolean {
  return (
    (/收到和处理政府信息公开申请情况/.test(html) && /<table[\s>]/i.test(html)) ||
    /本年新收政府信息公开申请数量/.test(html)
  );
}

/** The page's link to the attached report: the first PDF/Word link, one named as a report first. */
export function attachmentLink(html: string, base: URL): URL | null {
  const links = parse(html)
    .querySelectorAll('a[href]')
    .map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent }))
    .filter((l) => ATTACHMENT.test(l.href));
  const named = links.find((l) => /年度报告|年报|工作报告/.test(l.text + decodeURI(l.href)));
  const chosen = named ?? links[0];
  if (!chosen) return null;
  try {
    return new URL(chosen.href, base);
  } catch {
    return null;
  }
}

function nameOf(url: URL, disposition: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the path
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  if (plain) return plain[1]!;
  const last = url.pathname.split('/').filter(Boolean).pop() ?? url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const isHtml = (res: Response) =>
  /html/i.test(res.contentType) ||
  /^\s*</.test(new TextDecoder().decode(res.bytes.subarray(0, 64)));

function messageOf(e: unknown, limits: FetchLimits): string {
  if (e instanceof FetchRefused) return e.message;
  const name = (e as { name?: string; code?: string }).name;
  const code = (e as { code?: string }).code;
  if (name === 'AbortError' || code === 'ABORT_ERR')
    return `网站在 ${Math.round(limits.timeoutMs / 1000)} 秒内未能完成响应，未下载；请稍后再试，或下载文件后上传。`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return '找不到该网址的服务器，请核对网址是否正确。';
  return '无法连接该网址的服务器，未能下载；请核对网址，或下载文件后上传。';
}

/** Fetches the report at `address`: the file itself, or the file a report page attaches. */
export async function fetchReport(
  address: string,
  limits: FetchLimits = FETCH_LIMITS,
): Promise<FetchResult> {
  let start: URL;
  try {
    start = new URL(address.trim());
  } catch {
    return {
      ok: false,
      error: `「${address}」不是有效的网址，请填写以 http:// 或 https:// 开头的完整网址。`,
    };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const first = await follow(start, limits, controller.signal);
    if (isHtml(first.res)) {
      const html = new TextDecoder().decode(first.res.bytes);
      if (!pageIsReport(html)) {
        const link = attachmentLink(html, first.url);
        if (link) {
          const file = await follow(link, limits, controller.signal);
          return {
            ok: true,
            bytes: file.res.bytes,
            url: file.url.href,
            name: nameOf(file.url, file.res.disposition),
          };
        }
      }
    }
    return {
      ok: true,
      bytes: first.res.bytes,
      url: first.url.href,
      name: nameOf(first.url, first.res.disposition),
    };
  } catch (e) {
    return { ok: false, error: messageOf(e, limits) };
  } finally {
    clearTimeout(timer);
  }
}
