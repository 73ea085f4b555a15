// Runs inside a worker thread of the report reader (reader-pool.ts): does the files of each
// request one after another (read-task.ts: open, read, check) and posts their results back
// together when the last is done. Whatever a hostile file does here — exhaust the heap, loop,
// crash — ends this thread, never the server.
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadRequest, ReadResponse, WorkerProgress } from './protocol.js';
import { inflateInThisThread } from './inflate-in-thread.js';
import { runReadTask } from './read-task.js';

if (!parentPort) throw new Error('read-worker.ts runs only as a worker thread');
const port = parentPort;
const { begun } = workerData as WorkerProgress;

// This thread only reads: pdf.js inflates here rather than waiting on zlib's thread pool.
inflateInThisThread();

// pdf.js leaves promises of a damaged file rejected with no handler after getDocument has
// already failed (XRefEntryException). The task's own result is what counts; the stray
// rejections are dropped here rather than ending the thread with the result unsent.
process.on('unhandledRejection', () => {});

// A reader's chatter (pdf.js warnings on odd files) is not the user's output: the CLI prints
// only its own results. Silenced here rather than by piping the worker's streams, which
// would keep the parent process alive while the worker idles.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = () => {};

// Requests are done in the order they come, one file at a time; each file counts itself in
// `begun` as it starts (the pool times it from there), and the request's results go back
// together when its last file is done.
let work = Promise.resolve();
port.on('message', (request: ReadRequest) => {
  work = work.then(async () => {
    const results: string[] = [];
    for (const task of request.tasks) {
      Atomics.add(begun, 0, 1);
      results.push(JSON.stringify(await runReadTask(task, request.limits)));
    }
    const response: ReadResponse = { id: request.id, results };
    port.postMessage(response);
  });
});

port.postMessage({ ready: true });
