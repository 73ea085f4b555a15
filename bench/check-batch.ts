// `gongkai check` on a batch of many files (issue 11 item 9): the reports of
// test/fixtures/reports/ (the seed, the layouts, the real-report corpus and the two PDFs)
// repeated into a batch of each kind — text, HTML, PDF — checked the way the command checks
// them (src/cli/check.ts: the worker pool of src/reports/read/, one worker per core, each
// opening, reading and checking its files) against the true one-core baseline: the same
// files opened, read and checked in one thread, no pool. And PDF
// reading (parseReport: pdf.js's text, laid out into lines, read as a report) against
// pdf.js's own bare text extraction (getTextContent of every page) of the same file in the
// same run. Goals: ≥ 1.8× on 2 cores; PDF within 1.5× of the bare extraction. Prints only.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/reports/parse/index.js';
import { runReadTask } from '../src/reports/read/read-task.js';
import { ReportReader } from '../src/reports/read/reader-pool.js';
import { sizeFromEnv } from './bench-db.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/reports/', import.meta.url));
const SPEEDUP_GOAL = 1.8;
const PDF_GOAL = 1.5;
const PDF_ROUNDS = 5;
/** What `gongkai check` asks for when it prints text: the findings and the report's facts. */
const CHECK = { summary: true } as const;

const KINDS = [
  { label: '文本（.txt、.md）', test: /\.(txt|md)$/i, files: 400 },
  { label: '网页（.html）', test: /\.html?$/i, files: 200 },
  { label: 'PDF', test: /\.pdf$/i, files: 24 },
] as const;

function fixtures(): string[] {
  const top = readdirSync(FIXTURES).map((f) => `${FIXTURES}${f}`);
  const real = readdirSync(`${FIXTURES}real/`).map((f) => `${FIXTURES}real/${f}`);
  return [...top, ...real].filter((f) => !f.endsWith('.json') && /\.[a-z]+$/i.test(f)).sort();
}

interface BatchTime {
  seconds: number;
  /** CPU seconds of this process, all its threads (the workers' too). */
  cpuSeconds: number;
  /**
   * CPU seconds of the main thread alone (the rest is the workers' and V8's helpers'), from
   * /proc where there is one: unlike its event loop's busy time this does not grow when
   * other processes hold the cores; elsewhere the event loop's busy time.
   */
  mainSeconds: number;
}

/** CPU seconds the main thread has used, or null where /proc/self/task is not there. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) and its closing parenthesis:
    // utime and stime are the 12th and 13th, in clock ticks of 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const addTo = (sum: BatchTime, t: BatchTime): void => {
  sum.seconds += t.seconds;
  sum.cpuSeconds += t.cpuSeconds;
  sum.mainSeconds += t.mainSeconds;
};

async function timed(work: () => Promise<unknown>): Promise<BatchTime> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const main0 = mainThreadCpu();
  await work();
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  const main1 = mainThreadCpu();
  return {
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainSeconds: main0 !== null && main1 !== null ? main1 - main0 : elu.active / 1000,
  };
}

/** The true one-core baseline: every file opened, read and checked in this thread, in turn. */
async function checkInOneThread(files: readonly string[]): Promise<void> {
  for (const path of files) await runReadTask({ source: { path }, check: CHECK });
}

async function batches(): Promise<void> {
  const cores = availableParallelism();
  const all = fixtures();
  for (const kind of KINDS) {
    const distinct = all.filter((f) => kind.test.test(f));
    if (distinct.length === 0) continue;
    const n = sizeFromEnv('GONGKAI_BENCH_CHECK_FILES', kind.files);
    const batch = Array.from({ length: n }, (_, i) => distinct[i % distinct.length]!);
    const sources = batch.map((path) => ({ path }));
    const zero = (): BatchTime => ({ seconds: 0, cpuSeconds: 0, mainSeconds: 0 });
    const times = { one: zero(), all: zero() };
    // Both warm alike before timing (the batch once, untimed): modules loaded and the
    // parser compiled in this thread and in every worker, so steady paces are compared,
    // not start-up.
    const reader = new ReportReader({ workers: cores });
    try {
      await checkInOneThread(batch);
      await reader.checkAll(sources, CHECK);
      // Alternating twice, so that a change in the machine's load touches both alike.
      for (let round = 0; round < 2; round++) {
        addTo(times.one, await timed(() => checkInOneThread(batch)));
        addTo(times.all, await timed(() => reader.checkAll(sources, CHECK)));
      }
    } finally {
      await reader.close();
    }
    const perSecond = (t: BatchTime) => ((2 * n) / t.seconds).toFixed(1);
    // How many cores the run kept busy, and the CPU each file cost: on a machine loaded by
    // other work the wall-clock speed-up falls, while these show whether the work was spread
    // and what spreading it cost.
    const busy = (t: BatchTime) => (t.cpuSeconds / t.seconds).toFixed(2);
    const cpuMs = (t: BatchTime) => ((t.cpuSeconds * 1000) / (2 * n)).toFixed(2);
    const main = (t: BatchTime) => (t.mainSeconds / t.seconds).toFixed(2);
    const mainMs = (t: BatchTime) => ((t.mainSeconds * 1000) / (2 * n)).toFixed(2);
    const speedup = times.one.seconds / times.all.seconds;
    console.log(
      `批量检查 ${kind.label}：${n} 个文件（${distinct.length} 份不同的报告），` +
        `单线程 ${perSecond(times.one)} 份/秒（占用 ${busy(times.one)} 核，每份 CPU ${cpuMs(times.one)} 毫秒），` +
        `${cores} 个工作线程 ${perSecond(times.all)} 份/秒（占用 ${busy(times.all)} 核，其中主线程 ${main(times.all)} 核，` +
        `每份 CPU ${cpuMs(times.all)} 毫秒，其中主线程 ${mainMs(times.all)} 毫秒），为单线程的 ${speedup.toFixed(2)} 倍；` +
        `${speedup >= SPEEDUP_GOAL ? '达到' : '未达到'}目标（2 核 ≥ ${SPEEDUP_GOAL} 倍）`,
    );
  }
}

/** pdf.js alone: the text of every page, nothing done with it. */
async function bareTextExtraction(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  let items = 0;
  try {
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return items;
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const runs: number[] = [];
  for (let i = 0; i < PDF_ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(PDF_ROUNDS / 2)]!;
}

async function pdfReading(): Promise<void> {
  for (const path of fixtures().filter((f) => /\.pdf$/i.test(f))) {
    const bytes = new Uint8Array(readFileSync(path));
    const name = path.slice(path.lastIndexOf('/') + 1);
    // Interleaved: bare, ours, bare, ours … each the median of its rounds.
    const bare = await medianMs(() => bareTextExtraction(bytes));
    const ours = await medianMs(() => parseReport({ bytes, filename: name }));
    const bareAgain = await medianMs(() => bareTextExtraction(bytes));
    const base = Math.min(bare, bareAgain);
    const ratio = ours / base;
    console.log(
      `PDF 读取 ${name}（${Math.round(bytes.length / 1024)} KB）：parseReport ${ours.toFixed(1)} 毫秒；` +
        `基准 pdf.js getTextContent ${base.toFixed(1)} 毫秒；为基准的 ${ratio.toFixed(2)} 倍；` +
        `${ratio <= PDF_GOAL ? '达到' : '未达到'}目标（≤ ${PDF_GOAL} 倍）`,
    );
  }
}

export async function checkBatchBench(): Promise<void> {
  console.log(
    `\n批量检查（gongkai check 的方式与单线程相比；系统负载 ${loadavg()[0]?.toFixed(1)}，${availableParallelism()} 核：` +
      `其他进程占用 CPU 时多核倍数偏低）`,
  );
  await batches();
  await pdfReading();
}
