// Reads a report file from disk: refuses a file larger than any report before reading it,
// and says in Chinese why a path cannot be read. Two ways to call it, one rule: the command
// line's main thread reads asynchronously; a reader worker (read-task.ts) reads synchronously,
// since blocking its own thread costs nothing while an asynchronous read waits for a libuv pool
// thread that, in a batch, must take a core from the workers themselves (decision 0011).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Larger than any report with its pictures; a bigger file is not read into memory at all. */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

type ReadRefusal = { error: string; code?: string };

export function readError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return '找不到该文件，请检查文件名和路径。';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件；请指定其中的报告文件。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  return '读取文件时出错，请确认文件存在且完整。';
}

/** Why an opened path is not read: a folder, or larger than any report; null to read it. */
function refusal(stats: { size: number; isDirectory(): boolean }): ReadRefusal | null {
  if (stats.isDirectory()) return { error: readError({ code: 'EISDIR' }), code: 'EISDIR' };
  if (stats.size > MAX_REPORT_FILE_BYTES)
    return {
      error: `文件有 ${Math.ceil(stats.size / 1024 / 1024)} MB，超过 ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB 的上限，不像是一份年度报告；请确认文件是否正确。`,
    };
  return null;
}

function failure(err: unknown): ReadRefusal {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return { error: readError(err), ...(code ? { code } : {}) };
}

/** The file's bytes, unless it is missing, unreadable or larger than any report. */
export async function readReportBytes(path: string): Promise<Uint8Array | ReadRefusal> {
  try {
    const file = await open(path, 'r');
    try {
      const refused = refusal(await file.stat());
      // A plain Uint8Array, not a Node Buffer: some readers (pdfjs) refuse Buffers.
      return refused ?? new Uint8Array(await file.readFile());
    } finally {
      await file.close();
    }
  } catch (err) {
    return failure(err);
  }
}

/** The same, blocking the calling thread: for a reader worker, whose thread is its own. */
export function readReportBytesSync(path: string): Uint8Array | ReadRefusal {
  try {
    const fd = openSync(path, 'r');
    try {
      return refusal(fstatSync(fd)) ?? new Uint8Array(readFileSync(fd));
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return failure(err);
  }
}
