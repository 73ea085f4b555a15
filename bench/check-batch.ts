// `gongkai check` on a batch of many files (issue 11 item 9): the reports of
// test/fixtures/reports/ repeated into a batch of each kind — text, HTML, PDF
// (bench/check-batch-files.ts) — checked the way the command checks them (src/cli/check.ts:
// the worker pool of src/reports/read/, one worker per core, each opening, reading and
// checking its files) against one core: the same files opened, read and checked in one thread
// of a process that `taskset` keeps on one CPU, so that V8's helper threads (its garbage
// collector, its compiler) share that core too, as they would on a one-core machine; unpinned,
// they take part of the second core, and "one thread" is not "one core". Each side runs in a
// process of its own (bench/check-batch-child.ts), warmed alike, the sides alternating round by
// round so that the machine's drifting pace touches each. Beside them: the single thread
// unpinned, and two single-thread processes at once, one per CPU — what this machine's two
// cores give this work when nothing is shared at all. And PDF reading (parseReport: pdf.js's
// text, laid out into lines, read as a report) against pdf.js's own bare text extraction
// (getTextContent of every page) of the same file in the same run. Goals: ≥ 1.8× on 2 cores;
// PDF within 1.5× of the bare extraction. Prints only.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/reports/parse/index.js';
import { sizeFromEnv } from './bench-db.js';
import type { ChildTiming } from './check-batch-child.js';
import { batchOf, KINDS, pdfFixtures } from './check-batch-files.js';

const CHILD = fileURLToPath(new URL('./check-batch-child.ts', import.meta.url));
const SPEEDUP_GOAL = 1.8;
const PDF_GOAL = 1.5;
const PDF_ROUNDS = 5;

/** Whether this machine lets a process be kept on the given CPU (Linux's util-linux `taskset`). */
const canPin = (cpu: number): boolean =>
  spawnSync('taskset', ['-c', String(cpu), 'true']).status === 0;

interface ChildSpec {
  mode: 'one' | 'pool';
  /** The one CPU the process may use, or null for every CPU. */
  cpu: number | null;
}

/**
 * Starts the children together, lets each warm up, then tells them all at once to start
 * timing; their timings in the order given. A child that ends early (its stderr is this
 * process's) ends its output, which stops the bench with a Chinese reason.
 */
async function runSideBySide(
  specs: readonly ChildSpec[],
  kindIndex: number,
): Promise<ChildTiming[]> {
  const children = specs.map(({ mode, cpu }) => {
    const node = [process.execPath, ...process.execArgv, CHILD, mode, String(kindIndex)];
    const [command, ...args] = cpu === null ? node : ['taskset', '-c', String(cpu), ...node];
    return spawn(command!, args, { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  });
  const outputs = children.map((child) =>
    createInterface({ input: child.stdout })[Symbol.asyncIterator](),
  );
  const nextLine = async (output: (typeof outputs)[number]): Promise<string> => {
    const { value, done } = await output.next();
    if (done) throw new Error('测量子进程提前退出，见上面的错误输出');
    return value;
  };
  for (const output of outputs)
    if ((await nextLine(output)) !== 'warm') throw new Error('测量子进程未能预热');
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(
    outputs.map(async (output) => JSON.parse(await nextLine(output)) as ChildTiming),
  );
}

/** A side's timings over every round, summed. */
const addTo = (side: ChildTiming, t: ChildTiming): void => {
  side.files += t.files;
  side.seconds += t.seconds;
  side.cpuSeconds += t.cpuSeconds;
};

async function batches(): Promise<void> {
  const cores = availableParallelism();
  const pinned = canPin(0);
  // The pair needs a second CPU this process may use (a container's CPU set may not hold 1).
  const pairPinned = pinned && cores >= 2 && canPin(1);
  const rounds = sizeFromEnv('GONGKAI_BENCH_CHECK_ROUNDS', 2);
  // GONGKAI_BENCH_CHECK_KINDS=pdf (or text,html…) measures only those kinds.
  const only = process.env.GONGKAI_BENCH_CHECK_KINDS?.split(',').map((k) => k.trim());
  for (const [kindIndex, kind] of KINDS.entries()) {
    if (only && !only.includes(kind.name)) continue;
    const { files, distinct } = batchOf(kind);
    if (files.length === 0) continue;
    const zero = (): ChildTiming => ({ files: 0, seconds: 0, cpuSeconds: 0 });
    const sides = { core: zero(), pool: zero(), thread: zero(), pair: zero() };
    for (let round = 0; round < rounds; round++) {
      const [core] = await runSideBySide([{ mode: 'one', cpu: pinned ? 0 : null }], kindIndex);
      addTo(sides.core, core!);
      const [pool] = await runSideBySide([{ mode: 'pool', cpu: null }], kindIndex);
      addTo(sides.pool, pool!);
      const [thread] = await runSideBySide([{ mode: 'one', cpu: null }], kindIndex);
      addTo(sides.thread, thread!);
      if (pairPinned) {
        const pair = await runSideBySide(
          [
            { mode: 'one', cpu: 0 },
            { mode: 'one', cpu: 1 },
          ],
          kindIndex,
        );
        // Together: the files of both over the time of the slower.
        addTo(sides.pair, {
          files: pair[0]!.files + pair[1]!.files,
          seconds: Math.max(pair[0]!.seconds, pair[1]!.seconds),
          cpuSeconds: pair[0]!.cpuSeconds + pair[1]!.cpuSeconds,
        });
      }
    }
    const rate = (s: ChildTiming) => s.files / s.seconds;
    const perSecond = (s: ChildTiming) => rate(s).toFixed(1);
    // How many cores a side kept busy, and the CPU each file cost: on a machine loaded by other
    // work the wall-clock speed-up falls, while these show whether the work was spread and
    // what spreading it cost.
    const busy = (s: ChildTiming) => (s.cpuSeconds / s.seconds).toFixed(2);
    const cpuMs = (s: ChildTiming) => ((s.cpuSeconds * 1000) / s.files).toFixed(2);
    const speedup = rate(sides.pool) / rate(sides.core);
    const baseline = pinned
      ? '一个核（taskset 限定 CPU 0）上的单线程'
      : '单线程（本机无法用 taskset 限定一个核）';
    const pair =
      sides.pair.files > 0
        ? `；两个各限一核的独立进程同时检查合计 ${perSecond(sides.pair)} 份/秒，即本机两个核对这项工作能给出的 ${(rate(sides.pair) / rate(sides.core)).toFixed(2)} 倍`
        : '';
    console.log(
      `批量检查 ${kind.label}：${files.length} 个文件（${distinct} 份不同的报告），每种方式 ${rounds} 轮交替：` +
        `${baseline} ${perSecond(sides.core)} 份/秒（占用 ${busy(sides.core)} 核，每份 CPU ${cpuMs(sides.core)} 毫秒）；` +
        `gongkai check 的 ${cores} 个工作线程 ${perSecond(sides.pool)} 份/秒（占用 ${busy(sides.pool)} 核，每份 CPU ${cpuMs(sides.pool)} 毫秒），` +
        `为一个核的 ${speedup.toFixed(2)} 倍；${speedup >= SPEEDUP_GOAL ? '达到' : '未达到'}目标（2 核 ≥ ${SPEEDUP_GOAL} 倍）。` +
        `对照：单线程不限核 ${perSecond(sides.thread)} 份/秒（占用 ${busy(sides.thread)} 核：V8 的辅助线程用到另一个核）${pair}`,
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
  for (const path of pdfFixtures()) {
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
    `\n批量检查（gongkai check 的方式与一个核相比；系统负载 ${loadavg()[0]?.toFixed(1)}，${availableParallelism()} 核：` +
      `其他进程占用 CPU 时多核倍数偏低）`,
  );
  await batches();
  await pdfReading();
}
