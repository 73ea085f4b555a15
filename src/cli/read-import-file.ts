// The file an import command was given (`gongkai catalogue import`, `gongkai figures
// import`): its name and bytes, or a Chinese message saying what is wrong with it. The size is
// checked before anything is read, so a wrong choice of file (a backup, a video) costs nothing.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CliError } from './errors.js';

/** A file as the importers take it: the name the report shows, and its bytes. */
export interface ImportFile {
  filename: string;
  bytes: Uint8Array;
}

export interface ImportFileLimit {
  maxBytes: number;
  /** What to do about a file over the limit (after 「超过 N MB：」), if there is advice. */
  tooLargeAdvice?: string;
}

export function readImportFile(path: string, limit: ImportFileLimit): ImportFile {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`找不到文件：${path}`);
  }
  if (size > limit.maxBytes) {
    const advice = limit.tooLargeAdvice ? `：${limit.tooLargeAdvice}` : '。';
    throw new CliError(`文件 ${path} 超过 ${limit.maxBytes / 1024 / 1024} MB${advice}`);
  }
  try {
    return { filename: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch {
    // A directory, or a file the user may not read: named, not a stack trace.
    throw new CliError(`无法读取文件：${path}`);
  }
}
