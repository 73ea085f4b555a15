// `npm run bench`: throughput of `gongkai check` on seed-sized reports, the cost of
// rendering .docx, the throughput of real pages over HTTP, and at full size the requests
// (bench/requests.ts), batch checking on every core (bench/check-batch.ts), composing a
// report from 100,000 requests and 1,000,000 items (bench/compose.ts) and the catalogue at
// 1,000,000 items (bench/catalogue.ts); docs/performance.md has the figures, the sizes'
// environment variables and BENCH_ONLY. Each figure is printed beside
// a baseline measured in the same run (a JSON round trip of the same report; a bare Hono
// hello-world on the same server), so numbers from different machines compare by ratio.
// Goals: ≥ 500 reports per second on one core for parse + check; portal pages at ≥ 0.25×
// the hello-world's requests per second with p95 < 50 ms at 16 concurrent clients.
// Prints only; never fails a build.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { catalogueBench } from './catalogue.js';
import { checkBatchBench } from './check-batch.js';
import { composeBench } from './compose.js';
import { corpus } from './corpus.js';
import { requestsBench } from './requests.js';
import { benchMixedLoad } from './load.js';
import { loadTest, summarize, type LoadResult, type LoadSample } from './http-load.js';
import { BROWSER_HEADERS, startPageServers } from './page-server-client.js';
import type { PageServerPorts } from './page-servers.js';
import { checkReport } from '../src/reports/checks/index.js';
import { reportToJson } from '../src/reports/json.js';
import type { AnnualReport } from '../src/reports/model.js';
import { parseReport } from '../src/reports/parse/index.js';
import { renderReport } from '../src/reports/render/index.js';

const GOAL_PER_SECOND = 500;
const PAGE_GOAL_RATIO = 0.25;
const PAGE_GOAL_P95_MS = 50;
const CLIENTS = 16;
/** Rounds over all targets, so a change in the machine's load affects each target alike. */
const PAGE_ROUNDS = 3;
const PAGE_SECONDS_PER_ROUND = 1;
const SEED = new URL('../test/fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url);

interface Measure {
  perSecond: number;
  msEach: number;
}

/** Runs `fn` repeatedly for about `seconds` after a warm-up; every call is awaited. */
async function measure(fn: () => unknown, seconds = 1.5): Promise<Measure> {
  // Warm up by count as well as by time, so the JIT has optimised the code being measured
  // even when the machine is busy.
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 300 || performance.now() < warmUntil; i++) await fn();
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await fn();
    n++;
  }
  const ms = performance.now() - start;
  return { perSecond: (n / ms) * 1000, msEach: ms / n };
}

/** For slow operations (.docx): a few warm-up calls only. */
async function measureFew(fn: () => unknown, seconds: number): Promise<Measure> {
  for (let i = 0; i < 3; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() < start + seconds * 1000) {
    await fn();
    n++;
  }
  const ms = performance.now() - start;
  return { perSecond: (n / ms) * 1000, msEach: ms / n };
}

const fmt = (m: Measure) =>
  `${Math.round(m.perSecond).toLocaleString('zh-CN')} 份/秒（每份 ${m.msEach.toFixed(3)} 毫秒）`;
const ratio = (a: Measure, baseline: Measure) =>
  `为基准耗时的 ${(a.msEach / baseline.msEach).toFixed(1)} 倍`;

async function main(): Promise<void> {
  const bytes = new Uint8Array(readFileSync(SEED));
  const parsed = await parseReport({ bytes, filename: 'seed.txt' });
  if (!parsed.ok) {
    console.log(`无法解析种子报告，跳过测量：${parsed.error}`);
    return;
  }
  const report: AnnualReport = parsed.report;
  console.log(
    `年度报告性能测量（单核，Node ${process.version}；样本：灵山卫街道2021年度报告，${bytes.length} 字节）`,
  );
  // Other work on the machine slows every figure alike; the ratios to the baseline stay comparable.
  console.log(
    `系统负载 ${loadavg()[0]?.toFixed(1)}（${availableParallelism()} 核）；负载高于核数时各项数字偏低，请看与基准的倍数`,
  );

  const baseline = await measure(() => JSON.parse(JSON.stringify(reportToJson(report))));
  console.log(`基准   JSON 序列化+解析同一报告：${fmt(baseline)}`);

  const checkOnly = await measure(() => checkReport(report));
  console.log(`检查   checkReport：${fmt(checkOnly)}，${ratio(checkOnly, baseline)}`);

  const parseAndCheck = await measure(async () => {
    const r = await parseReport({ bytes, filename: 'seed.txt' });
    if (r.ok) checkReport(r.report);
  });
  const verdict = parseAndCheck.perSecond >= GOAL_PER_SECOND ? '达到' : '未达到';
  console.log(
    `解析+检查 文本报告：${fmt(parseAndCheck)}，${ratio(parseAndCheck, baseline)}；${verdict}目标（≥${GOAL_PER_SECOND} 份/秒）`,
  );

  const docx = await measureFew(() => renderReport(report, 'docx'), 3);
  const size = (await renderReport(report, 'docx')).byteLength;
  console.log(
    `生成   Word（.docx，${Math.round(size / 1024)} KB）：${fmt(docx)}，${ratio(docx, baseline)}`,
  );
}

interface PageTarget {
  label: string;
  path: string;
  server: keyof PageServerPorts;
  /** Portal pages are held to the goal; the others are shown for comparison. */
  goal: boolean;
}

/**
 * The pages measured; the item page's path comes from the demo data the server seeded. Each
 * portal page twice: as served (unchanged pages come from the page cache) and rendered on
 * every request (the cost of a page after each change, and of URLs not yet kept).
 */
function pageTargets(itemPath: string | null): PageTarget[] {
  const portal: [string, string][] = [
    ['门户首页', '/'],
    ['机关专栏', '/agencies/lingshanwei'],
    ['公开指南', '/agencies/lingshanwei/guide'],
    ['主动公开目录', '/agencies/lingshanwei/catalogue'],
    ...(itemPath ? [['政府信息条目', itemPath] as [string, string]] : []),
  ];
  return [
    { label: '基准   Hono hello-world', path: '/', server: 'hello', goal: false },
    ...portal.map(([label, path]): PageTarget => ({ label, path, server: 'app', goal: true })),
    ...portal.map(([label, path]): PageTarget => ({
      label: `${label}（每次渲染）`,
      path,
      server: 'rendered',
      goal: false,
    })),
    { label: '工作台登录页', path: '/console/login', server: 'app', goal: false },
  ];
}

const ms = (n: number) => n.toFixed(1);
const fmtPage = (r: LoadResult) =>
  `${Math.round(r.perSecond).toLocaleString('zh-CN')} 次/秒，` +
  `延迟 p50 ${ms(r.p50)} / p95 ${ms(r.p95)} / p99 ${ms(r.p99)} 毫秒` +
  (r.errors > 0 ? `，出错 ${r.errors} 次` : '');

async function pages(): Promise<void> {
  console.log(
    `\n页面吞吐量（${CLIENTS} 个并发长连接客户端，每项 ${PAGE_ROUNDS} 轮共 ${PAGE_ROUNDS * PAGE_SECONDS_PER_ROUND} 秒；` +
      `服务器在单独的进程中，内置 SQLite 数据库，演示数据）`,
  );
  const servers = await startPageServers();
  const PAGE_TARGETS = pageTargets(servers.itemPath);
  try {
    const url = (t: PageTarget) => `http://127.0.0.1:${servers.ports[t.server]}${t.path}`;
    const samples = new Map<PageTarget, LoadSample[]>(PAGE_TARGETS.map((t) => [t, []]));
    const cpu = new Map<PageTarget, number>(PAGE_TARGETS.map((t) => [t, 0]));
    // Warm each target once, so the JIT has compiled its code path before measuring.
    // As a browser asks (kept pages are then sent compressed, as readers get them).
    const load = { concurrency: CLIENTS, headers: BROWSER_HEADERS };
    for (const t of PAGE_TARGETS) await loadTest(url(t), { ...load, seconds: 1 });
    for (let round = 0; round < PAGE_ROUNDS; round++) {
      for (const t of PAGE_TARGETS) {
        const before = await servers.cpuMicros();
        const sample = await loadTest(url(t), { ...load, seconds: PAGE_SECONDS_PER_ROUND });
        cpu.set(t, (cpu.get(t) ?? 0) + (await servers.cpuMicros()) - before);
        samples.get(t)?.push(sample);
      }
    }
    const results = PAGE_TARGETS.map((t) => {
      const r = summarize(samples.get(t) ?? []);
      return { t, r, cpuEach: (cpu.get(t) ?? 0) / Math.max(1, r.requests) };
    });
    const baseline = results[0];
    if (!baseline) return;
    for (const { t, r, cpuEach } of results) {
      const cpuText = `服务器 CPU 每次 ${Math.round(cpuEach)} 微秒`;
      if (t.server === 'hello') {
        console.log(`${t.label}：${fmtPage(r)}，${cpuText}`);
        continue;
      }
      const ratio = r.perSecond / baseline.r.perSecond;
      const goal = t.goal
        ? ratio >= PAGE_GOAL_RATIO && r.p95 < PAGE_GOAL_P95_MS && r.errors === 0
          ? '；达到目标'
          : '；未达到目标'
        : '';
      console.log(
        `${t.label} ${t.path}（${Math.round(r.bodyBytes / 1024)} KB）：${fmtPage(r)}，` +
          `为基准的 ${ratio.toFixed(2)} 倍；${cpuText}，为基准的 ${(cpuEach / baseline.cpuEach).toFixed(1)} 倍${goal}`,
      );
    }
    // On a busy machine the wall-clock figures fall; CPU time per request hardly moves.
    console.log(
      `按 CPU 时间折算：门户页面为基准吞吐量的 ${results
        .filter((x) => x.t.goal)
        .map((x) => (baseline.cpuEach / x.cpuEach).toFixed(2))
        .join(' / ')} 倍`,
    );
    console.log(
      `目标：门户页面不低于基准的 ${PAGE_GOAL_RATIO} 倍，p95 低于 ${PAGE_GOAL_P95_MS} 毫秒`,
    );
  } finally {
    servers.stop();
  }
}

/** The parts of the bench, in the order they run; BENCH_ONLY=name[,name] runs only those. */
const PARTS: [string, () => Promise<void>][] = [
  ['corpus', corpus],
  ['reports', main],
  ['pages', pages],
  ['requests', requestsBench],
  ['load', benchMixedLoad],
  ['check', checkBatchBench],
  ['compose', composeBench],
  ['catalogue', catalogueBench],
];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
for (const [name, run] of PARTS) {
  if (only && !only.includes(name)) continue;
  try {
    await run();
  } catch (err) {
    // A benchmark reports; it never breaks a build, and one part failing (a PostgreSQL
    // server that is not there) does not stop the others.
    console.log(`性能测量“${name}”未能完成：${err instanceof Error ? err.message : String(err)}`);
  }
}
