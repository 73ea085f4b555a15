// Reads a report file from disk for the command line: refuses a file larger than any
// report before reading it, and says in Chinese why a path cannot be read.
import { open } from 'node:fs/promises';

/** Larger than any report with its pictures; a bigger file is not read into memory at all. */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

export function readError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return '找不到该文件，请检查文件名和路径。';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件；请指定其中的报告文件。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  return '读取文件时出错，请确认文件存在且完整。';
}

/** The file's bytes, unless it is missing, unreadable or larger than any report. */
export async function readReportBytes(
  path: string,
): Promise<Uint8Array | { error: string; code?: string }> {
  try {
    const file = await open(path, 'r');
    try {
      const { size, isDirectory } = await file.stat().then((s) => ({
        size: s.size,
        isDirectory: s.isDirectory(),
      }));
      if (isDirectory) return { error: readError({ code: 'EISDIR' }), code: 'EISDIR' };
      if (size > MAX_REPORT_FILE_BYTES)
        return {
          error: `文件有 ${Math.ceil(size / 1024 / 1024)} MB，超过 ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB 的上限，不像是一份年度报告；请确认文件是否正确。`,
        };
      // A plain Uint8Array, not a Node Buffer: some readers (pdfjs) refuse Buffers.
      return new Uint8Array(await file.readFile());
    } finally {
      await file.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    return { error: readError(err), ...(code ? { code } : {}) };
  }
}
