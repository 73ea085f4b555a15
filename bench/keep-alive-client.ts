// A lean HTTP client for latency measured one request at a time (bench/catalogue.ts): Node's
// own http module on one kept-alive connection per server, the body read to its last byte and
// dropped, nothing decompressed. `fetch` (undici) builds a WHATWG Request, Response and body
// stream for every request and decompresses what it is sent: on this 2-core machine that is
// CPU taken from the server under measurement, and time counted as the page's. Only ever
// pointed at servers on 127.0.0.1.
import { Agent, request } from 'node:http';

export interface KeepAliveClient {
  /** GETs `url` and reads its body; fails unless the answer is a 200. */
  get(url: string): Promise<void>;
  close(): void;
}

export function keepAliveClient(headers: Readonly<Record<string, string>>): KeepAliveClient {
  // One connection per server: requests are sent one at a time.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = (url: URL) =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.once('error', reject);
        res.once('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`${url.href} 返回 ${res.statusCode}`)),
        );
      });
      req.once('error', (error: NodeJS.ErrnoException) =>
        reject(Object.assign(error, { reused: req.reusedSocket })),
      );
      req.end();
    });
  return {
    async get(href) {
      const url = new URL(href);
      if (url.hostname !== '127.0.0.1') throw new Error('只测量 127.0.0.1 上的服务器');
      try {
        await once(url);
      } catch (error) {
        // A kept-alive connection the server closed as idle (its keep-alive timeout passes
        // while another target is measured) fails before any answer: said on stderr, and
        // sent again on a new connection (the time of both is counted).
        const e = error as NodeJS.ErrnoException & { reused?: boolean };
        if (!e.reused || (e.code !== 'ECONNRESET' && e.code !== 'EPIPE')) throw error;
        process.stderr.write(`  重试 ${href}：${e.code}\n`);
        await once(url);
      }
    },
    close: () => agent.destroy(),
  };
}
