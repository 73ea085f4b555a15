// One side of the checking bench (bench/check-batch.ts), in a process of its own so that the
// parent can give it the cores it may use (`taskset`): `one` checks the batch in this thread,
// file after file, as the one-core baseline; `pool` checks it as `gongkai check` does, with the
// worker pool of src/reports/read/ (one worker per core). It warms up untimed, says `warm` on
// stdout, waits for a line on stdin (so that processes run side by side start timing together),
// times its batch and prints one line of JSON: seconds, CPU seconds (every thread), files.
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { inflateInThisThread } from '../src/reports/read/inflate-in-thread.js';
import { runReadTask } from '../src/reports/read/read-task.js';
import { ReportReader } from '../src/reports/read/reader-pool.js';
import { batchOf, KINDS } from './check-batch-files.js';

export interface ChildTiming {
  seconds: number;
  cpuSeconds: number;
  files: number;
}

/** What `gongkai check` asks for when it prints text: the findings and the report's facts. */
const CHECK = { summary: true } as const;
const TIMED_PASSES = 2;

const [mode, kindIndex] = process.argv.slice(2);
const kind = KINDS[Number(kindIndex)];
if (!kind || (mode !== 'one' && mode !== 'pool'))
  throw new Error(`用法：check-batch-child one|pool <0–${KINDS.length - 1}>`);
const { files } = batchOf(kind);

// The one-core baseline reads in this thread as a worker does in its own (read-worker.ts).
if (mode === 'one') inflateInThisThread();
const reader = mode === 'pool' ? new ReportReader({ workers: availableParallelism() }) : null;
const checkBatch = (batch: readonly string[]) =>
  reader
    ? reader.checkAll(
        batch.map((path) => ({ path })),
        CHECK,
      )
    : (async () => {
        for (const path of batch) await runReadTask({ source: { path }, check: CHECK });
      })();
const pass = () => checkBatch(files);

// Each worker of the pool gets about 1/workers of a pass: as many passes again, so that every
// thread that checks has checked as many files before timing as the single thread has.
const warm = kind.warmPasses * (reader ? reader.workers : 1);
for (let i = 0; i < warm; i++) await pass();

process.stdout.write('warm\n');
await new Promise<void>((resolve) =>
  createInterface({ input: process.stdin }).once('line', () => resolve()),
);

// Timed as one batch of the files TIMED_PASSES times over, as `gongkai check` checks a folder
// (one checkAll): timed pass by pass, the pool would end each pass with one worker on its last
// file while the other idles, a batch end that a province's batch of hundreds has once.
const timed = Array.from({ length: TIMED_PASSES }, () => files).flat();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await checkBatch(timed);
const cpu = process.cpuUsage(cpu0);
const timing: ChildTiming = {
  seconds: (performance.now() - t0) / 1000,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  files: TIMED_PASSES * files.length,
};
process.stdout.write(`${JSON.stringify(timing)}\n`);
await reader?.close();
process.exit(0);
