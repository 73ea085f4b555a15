// Runs inside a worker thread of the report reader (reader-pool.ts): reads one file at a
// time with the ordinary parser and posts the result back. Whatever a hostile file does
// here — exhaust the heap, loop, crash — ends this thread, never the server.
import { parentPort } from 'node:worker_threads';
import { parseReport } from '../parse/index.js';
import type { ReadRequest, ReadResponse } from './protocol.js';

if (!parentPort) throw new Error('read-worker.ts runs only as a worker thread');
const port = parentPort;

// pdf.js leaves promises of a damaged file rejected with no handler after getDocument has
// already failed (XRefEntryException). The task's own result is what counts; the stray
// rejections are dropped here rather than ending the thread with the result unsent.
process.on('unhandledRejection', () => {});

// A reader's chatter (pdf.js warnings on odd files) is not the user's output: the CLI prints
// only its own results. Silenced here rather than by piping the worker's streams, which
// would keep the parent process alive while the worker idles.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = () => {};

port.on('message', (request: ReadRequest) => {
  void parseReport({
    bytes: request.bytes,
    ...(request.filename !== undefined ? { filename: request.filename } : {}),
    limits: request.limits,
  }).then((result) => {
    const response: ReadResponse = { id: request.id, result };
    port.postMessage(response);
  });
});

port.postMessage({ ready: true });
