// The batches of the checking bench (bench/check-batch.ts and its child processes,
// bench/check-batch-child.ts): the reports of test/fixtures/reports/ (the seed, the layouts,
// the real-report corpus and the two PDFs) repeated into a batch of each kind, the same list
// in every process that checks it.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sizeFromEnv } from './bench-db.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/reports/', import.meta.url));

export interface BatchKind {
  /** Its name for GONGKAI_BENCH_CHECK_KINDS. */
  name: 'text' | 'html' | 'pdf';
  label: string;
  test: RegExp;
  files: number;
  /** Untimed passes over the batch before timing, in one thread (the pool: this per worker). */
  warmPasses: number;
}

export const KINDS: readonly BatchKind[] = [
  { name: 'text', label: '文本（.txt、.md）', test: /\.(txt|md)$/i, files: 400, warmPasses: 2 },
  { name: 'html', label: '网页（.html）', test: /\.html?$/i, files: 200, warmPasses: 2 },
  // A PDF is a hundred times a text file's work, most of it pdf.js's: one pass warms it.
  { name: 'pdf', label: 'PDF', test: /\.pdf$/i, files: 24, warmPasses: 1 },
];

function fixtures(): string[] {
  const top = readdirSync(FIXTURES).map((f) => `${FIXTURES}${f}`);
  const real = readdirSync(`${FIXTURES}real/`).map((f) => `${FIXTURES}real/${f}`);
  return [...top, ...real].filter((f) => !f.endsWith('.json') && /\.[a-z]+$/i.test(f)).sort();
}

export function pdfFixtures(): string[] {
  return fixtures().filter((f) => /\.pdf$/i.test(f));
}

/** The kind's batch: its distinct reports repeated to its size (GONGKAI_BENCH_CHECK_FILES). */
export function batchOf(kind: BatchKind): { files: string[]; distinct: number } {
  const distinct = fixtures().filter((f) => kind.test.test(f));
  const n = sizeFromEnv('GONGKAI_BENCH_CHECK_FILES', kind.files);
  if (distinct.length === 0) return { files: [], distinct: 0 };
  return {
    files: Array.from({ length: n }, (_, i) => distinct[i % distinct.length]!),
    distinct: Math.min(n, distinct.length),
  };
}
