// Messages between the reader pool and its worker threads.
import type { ParseResult } from '../parse/index.js';
import type { ReadLimits } from '../parse/limits.js';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  filename?: string;
  limits: ReadLimits;
}

export interface ReadResponse {
  id: number;
  result: ParseResult;
}

export type WorkerMessage = ReadResponse | { ready: true };
