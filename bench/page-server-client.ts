// Starts bench/page-servers.ts in a child process and talks to it over IPC: its ports,
// and on request its CPU time and memory. Used by the page bench (bench/run.ts, demo data)
// and the catalogue bench (bench/catalogue.ts, a generated database named in `env`).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PageServerMessage, PageServerPorts } from './page-servers.js';

/**
 * What a browser sends (Chrome, Firefox and Safari all ask for br and gzip): the app keeps a
 * compressed copy of each kept page (src/web/content-coding.ts), and the load client on the
 * same cores pays for every byte it reads. Both benches send it to every page server, the
 * hello-world too, which ignores it.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  'accept-encoding': 'gzip, deflate, br, zstd',
};

export interface PageServers {
  ports: PageServerPorts;
  itemPath: string | null;
  /** CPU time the server process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  /** The server process's resident memory now and at its peak, and V8's heap now, in bytes. */
  memory(): Promise<{ rss: number; maxRss: number; heap: number }>;
  stop(): void;
}

export async function startPageServers(env: Record<string, string> = {}): Promise<PageServers> {
  // PAGE_PROFILE_DIR=dir writes a CPU profile of the servers (open it in Chrome DevTools).
  const profileDir = process.env.PAGE_PROFILE_DIR;
  const child = fork(fileURLToPath(new URL('./page-servers.ts', import.meta.url)), {
    execArgv: [
      ...process.execArgv,
      // As `npm start` runs the server (package.json; docs/deployment.md, "Memory").
      '--max-semi-space-size=4',
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends PageServerMessage['type']>(type: T) =>
    new Promise<Extract<PageServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (m: PageServerMessage) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<PageServerMessage, { type: T }>);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`测量用服务器已退出（退出码 ${code}）`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const usage = async () => {
    const answer = next('cpu');
    child.send('cpu');
    return answer;
  };
  const { ports, itemPath } = await next('ports');
  return {
    ports,
    itemPath,
    cpuMicros: async () => (await usage()).micros,
    memory: async () => {
      const { rss, maxRss, heap } = await usage();
      return { rss, maxRss, heap };
    },
    stop: () => child.disconnect(),
  };
}
