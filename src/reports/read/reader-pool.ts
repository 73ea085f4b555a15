// Reads (and, asked to, checks) report files in worker threads, so that a file which crashes
// the parser, exhausts memory or never finishes costs one worker, not the server or the rest
// of a batch, and so that a batch's whole work is spread over every core while the calling
// thread only posts paths and receives results (a message of several files, and one answer
// for them all). Each worker has a heap limit (V8 ends it with ERR_WORKER_OUT_OF_MEMORY when
// reached) and each file a time limit (the worker is terminated), watched through a counter of
// begun files the worker shares with this thread; either way the file is reported unreadable
// with a Chinese reason and the next file gets a fresh worker. The parser's own limits
// (../parse/limits.ts) refuse most hostile files before any of this is needed.
// See docs/decisions/0011-reading-untrusted-reports.md.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../parse/index.js';
import { READ_LIMITS, type ReadLimits } from '../parse/limits.js';
import type {
  CheckOptions,
  CheckResult,
  CheckSummary,
  ReadRequest,
  ReadSource,
  ReadTask,
  WorkerMessage,
  WorkerProgress,
} from './protocol.js';

export interface ReaderOptions {
  /** Worker threads at most (files are read in parallel up to this). */
  workers: number;
  /** Time one file may take, from the moment a ready worker starts on it. */
  timeoutMs: number;
  /** V8 heap of each worker (old generation), in MB. */
  maxHeapMb: number;
  /** The parser's limits (declared zip sizes, text length, HTML depth and grid). */
  limits: ReadLimits;
}

export const DEFAULT_READER_OPTIONS: Readonly<ReaderOptions> = {
  workers: Math.max(1, availableParallelism()),
  timeoutMs: 30_000,
  maxHeapMb: 512,
  limits: READ_LIMITS,
};

export const READER_ERRORS = {
  timeout: (seconds: number) =>
    `读取这个文件超过 ${seconds} 秒仍未完成，已停止读取；文件可能已损坏或结构异常，请改用报告的Word版或带文字层的PDF`,
  memory:
    '读取这个文件所需的内存超过上限，已停止读取；文件可能已损坏或是恶意构造的，请改用报告的Word版或带文字层的PDF',
  crashed:
    '读取这个文件时读取程序意外退出，已停止读取；请确认文件完整，或改用报告的Word版或带文字层的PDF',
  closed: '报告读取服务已关闭，未读取这个文件；请重新提交',
} as const;

const ENTRY = new URL('./read-worker-entry.mjs', import.meta.url);

/** Files sent to a worker in one message at most; fewer as the queue runs short. */
const MAX_FILES_PER_MESSAGE = 8;

/**
 * Messages a worker holds at once: the one it is on and the next, so that when it finishes
 * a file it goes on to the next at once instead of waiting for this thread to answer.
 */
const MESSAGES_PER_WORKER = 2;

type AnyResult = ParseResult | CheckResult | CheckSummary;

/** Bytes from which a file given as bytes counts as heavy. */
const HEAVY_BYTES = 1024 * 1024;

/**
 * A file that costs a worker about a hundred times a text report (a PDF: pdf.js lays out every
 * page), so it is sent alone: a message of several would leave one worker with a tail of them
 * while another idles, and its answer would wait for all of them.
 */
function isHeavy(task: ReadTask): boolean {
  const source = task.source;
  return 'path' in source
    ? /\.pdf$/i.test(source.path)
    : source.bytes.byteLength >= HEAVY_BYTES || /\.pdf$/i.test(source.filename ?? '');
}

/** The bytes a source holds: its length, or its file's size (0 when that cannot be told). */
function sizeOf(source: ReadSource): number {
  if ('bytes' in source) return source.bytes.byteLength;
  try {
    return statSync(source.path).size;
  } catch {
    return 0;
  }
}

/**
 * The order a batch is started in, as indexes into `sources`: heavy files first, the larger
 * before the smaller, then the rest by size (longest processing time first). Started in the
 * order given, a batch whose last files are PDFs ends with one worker on its last PDF (a
 * tenth of a second and more) while the others idle; started this way, it ends with small
 * files spread over every worker. Equal files keep their order.
 */
export function largestFirst(sources: readonly ReadSource[]): number[] {
  const weight = sources.map((source) => ({
    heavy: isHeavy({ source }) ? 1 : 0,
    size: sizeOf(source),
  }));
  return sources
    .map((_, i) => i)
    .sort(
      (a, b) => weight[b]!.heavy - weight[a]!.heavy || weight[b]!.size - weight[a]!.size || a - b,
    );
}

interface Item {
  task: ReadTask;
  resolve: (result: AnyResult) => void;
}

/** Files posted to a worker in one message, answered together. */
interface Sent {
  id: number;
  items: Item[];
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Messages posted and not yet answered, in the order the worker does them. */
  sent: Sent[];
  /** Files the worker has begun, counted by the worker in memory both threads share. */
  begun: Int32Array;
  /** Files of this worker answered so far: `begun` beyond it is the file being read. */
  answered: number;
  /** `begun` as last looked at, and since when it has been so (performance.now()). */
  seen: number;
  seenAt: number;
  /** Looks at `begun` while the worker holds files, to time the one it is on. */
  watch: NodeJS.Timeout | null;
  /** Set once the slot is finished with, so its late events change nothing. */
  gone: boolean;
}

const failed = (error: string) => ({ ok: false as const, error });

export class ReportReader {
  private readonly options: ReaderOptions;
  private readonly slots = new Set<Slot>();
  private queue: Item[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: Partial<ReaderOptions> = {}) {
    this.options = { ...DEFAULT_READER_OPTIONS, ...options };
  }

  /** How many files are read at once. */
  get workers(): number {
    return this.options.workers;
  }

  /** Reads one file. Never rejects: an unreadable file is a result with a Chinese reason. */
  read(bytes: Uint8Array, filename?: string): Promise<ParseResult> {
    const source = filename !== undefined ? { bytes, filename } : { bytes };
    return this.run({ source });
  }

  /** Reads many files in parallel (up to the worker count); results in the order given. */
  readAll(files: readonly { bytes: Uint8Array; filename?: string }[]): Promise<ParseResult[]> {
    return Promise.all(files.map((f) => this.read(f.bytes, f.filename)));
  }

  /** Reads a file from its path, opened in the worker; a `.json` path is the report JSON. */
  readFile(path: string): Promise<ParseResult> {
    return this.run({ source: { path } });
  }

  /**
   * Reads one file and runs every check on it, all in a worker: the calling thread only
   * posts the path (or bytes) and gets the findings. `previous` is last year's report, for
   * the checks that compare with it. Never rejects.
   */
  check(source: ReadSource, options?: CheckOptions & { summary?: false }): Promise<CheckResult>;
  /** With `summary`, only the report's facts come back with the findings. */
  check(source: ReadSource, options: CheckOptions & { summary: true }): Promise<CheckSummary>;
  check(source: ReadSource, options: CheckOptions = {}): Promise<CheckResult | CheckSummary> {
    return this.run({ source, check: options });
  }

  /**
   * `check` for many files, as many at once as there are workers, the largest started first
   * (`largestFirst`); results in the order given.
   */
  checkAll(
    sources: readonly ReadSource[],
    options?: CheckOptions & { summary?: false },
  ): Promise<CheckResult[]>;
  checkAll(
    sources: readonly ReadSource[],
    options: CheckOptions & { summary: true },
  ): Promise<CheckSummary[]>;
  checkAll(
    sources: readonly ReadSource[],
    options: CheckOptions = {},
  ): Promise<(CheckResult | CheckSummary)[]> {
    const results = new Array<Promise<CheckResult | CheckSummary>>(sources.length);
    for (const i of largestFirst(sources))
      results[i] = this.run({ source: sources[i]!, check: options });
    return Promise.all(results);
  }

  /** Ends every worker; files still waiting are answered as not read. */
  async close(): Promise<void> {
    this.closed = true;
    for (const item of this.queue.splice(0)) item.resolve(failed(READER_ERRORS.closed));
    const slots = [...this.slots];
    for (const slot of slots) this.retire(slot, READER_ERRORS.closed);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /**
   * `T` is the result the task asks for (read-task.ts: a parse, or a check with the whole
   * report or its summary); the worker's answer is that shape or a failure, which all share.
   */
  private run<T extends AnyResult>(task: ReadTask): Promise<T> {
    if (this.closed) return Promise.resolve(failed(READER_ERRORS.closed) as T);
    return new Promise<T>((resolve) => {
      this.queue.push({ task, resolve: resolve as (result: AnyResult) => void });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slots = [...this.slots];
      const idle = slots.find((s) => s.ready && s.sent.length === 0);
      if (idle) {
        this.send(idle);
        continue;
      }
      // Workers still starting will take the queued files when ready.
      const starting = slots.filter((s) => !s.ready).length;
      if (this.slots.size < this.options.workers && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      // Every worker busy: each gets its next message now, to start on when it is done —
      // light files only, behind light files. Held behind a heavy file (or held itself), a
      // file would wait there while another worker idles at the end of a batch, and for a
      // heavy file the round trip saved by holding it is nothing beside its reading.
      if (isHeavy(this.queue[0]!.task)) return;
      const next = slots.find(
        (s) =>
          s.ready &&
          s.sent.length < MESSAGES_PER_WORKER &&
          !s.sent.some((m) => m.items.some((i) => isHeavy(i.task))),
      );
      if (next) {
        this.send(next);
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    const progress: WorkerProgress = { begun: new Int32Array(new SharedArrayBuffer(4)) };
    const worker = new Worker(ENTRY, {
      // The entry registers the TypeScript loader itself; the parent's flags (--test,
      // --input-type, …) are not the worker's business.
      execArgv: [],
      workerData: progress,
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.options.maxHeapMb / 8)),
      },
    });
    const slot: Slot = {
      worker,
      ready: false,
      sent: [],
      begun: progress.begun,
      answered: 0,
      seen: 0,
      seenAt: 0,
      watch: null,
      gone: false,
    };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (slot.gone) return;
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const sent = slot.sent[0];
      if (!sent || sent.id !== message.id) return;
      slot.sent.shift();
      slot.answered += sent.items.length;
      for (const [i, item] of sent.items.entries())
        item.resolve(JSON.parse(message.results[i]!) as AnyResult);
      if (slot.sent.length === 0) {
        this.stopWatching(slot);
        worker.unref();
      }
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.retire(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? READER_ERRORS.memory : READER_ERRORS.crashed,
      );
    });
    worker.on('exit', () => this.retire(slot, READER_ERRORS.crashed));
  }

  /**
   * Posts the next files to a worker: several small ones per message while the queue is long
   * (a message and its answer cost the calling thread more than a small file costs the
   * worker), one at a time as it runs short, so that no worker is left with a tail of files
   * while another idles.
   */
  private send(slot: Slot): void {
    let count = Math.min(
      MAX_FILES_PER_MESSAGE,
      Math.max(1, Math.floor(this.queue.length / (2 * MESSAGES_PER_WORKER * this.options.workers))),
    );
    // A heavy file goes alone, and ends a message of light ones before it.
    const heavy = this.queue.slice(0, count).findIndex((item) => isHeavy(item.task));
    if (heavy >= 0) count = Math.max(1, heavy);
    const items = this.queue.splice(0, count);
    const id = this.nextId++;
    slot.sent.push({ id, items });
    this.watch(slot);
    slot.worker.ref();
    const request: ReadRequest = {
      id,
      tasks: items.map((i) => i.task),
      limits: this.options.limits,
    };
    slot.worker.postMessage(request);
  }

  /**
   * Times the file a worker is on while it holds files: every tenth of the limit (at most a
   * second) `begun` is looked at; a file is over its limit once the count has stood still
   * that long with a file begun and not answered, and the worker is ended. So a file is
   * stopped between its limit and its limit plus two looks.
   */
  private watch(slot: Slot): void {
    if (slot.watch) return;
    slot.seen = Atomics.load(slot.begun, 0);
    slot.seenAt = performance.now();
    const every = Math.max(10, Math.min(1000, Math.floor(this.options.timeoutMs / 10)));
    slot.watch = setInterval(() => {
      const begun = Atomics.load(slot.begun, 0);
      const now = performance.now();
      if (begun !== slot.seen) {
        slot.seen = begun;
        slot.seenAt = now;
      } else if (begun > slot.answered && now - slot.seenAt >= this.options.timeoutMs) {
        this.retire(slot, READER_ERRORS.timeout(Math.round(this.options.timeoutMs / 1000)));
        void slot.worker.terminate();
      }
    }, every);
  }

  private stopWatching(slot: Slot): void {
    if (slot.watch) clearInterval(slot.watch);
    slot.watch = null;
  }

  /**
   * Takes a worker out of the pool, answering the file it was on with `reason` (the last it
   * began; the first it holds if it had begun none). The other files it held go back to the
   * head of the queue for the next worker, those it had finished without answering too (their
   * answer would have come with the message's last): one hostile file costs only itself.
   */
  private retire(slot: Slot, reason: string): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    const held = slot.sent.flatMap((s) => s.items);
    slot.sent = [];
    this.stopWatching(slot);
    if (held.length > 0) {
      const on = Math.min(
        held.length - 1,
        Math.max(0, Atomics.load(slot.begun, 0) - slot.answered - 1),
      );
      held[on]!.resolve(failed(reason));
      const rest = held.filter((_, i) => i !== on);
      if (this.closed) for (const item of rest) item.resolve(failed(READER_ERRORS.closed));
      else this.queue = [...rest, ...this.queue];
    } else if (!slot.ready && !this.closed) {
      // A worker that dies before it is ready would die again: answer what waits rather
      // than spawning forever.
      for (const waiting of this.queue.splice(0)) waiting.resolve(failed(reason));
    }
    if (!this.closed) this.dispatch();
  }
}

let shared: ReportReader | undefined;

/**
 * The server's reader, made on first use: one core is left for answering requests. Its
 * idle workers do not keep the process alive.
 */
export function sharedReportReader(): ReportReader {
  shared ??= new ReportReader({ workers: Math.max(1, availableParallelism() - 1) });
  return shared;
}
