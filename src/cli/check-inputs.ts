// What `gongkai check` is given, as the files to check: a file is itself; a folder is every
// report file under it (sub-folders too, in name order, hidden files and the archive tools'
// leftovers skipped); a .zip is unpacked within the console's limits against zip bombs
// (one level deep). Each comes with the name it is printed under.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unpackUploads, UPLOAD_LIMITS } from '../reports/check-console/unpack.js';
import type { ReadSource } from '../reports/read/protocol.js';
import { readError, readReportBytes } from '../reports/read/read-file.js';

/** A file to check, or why an argument gave none (Chinese). */
export type CheckInput = { label: string; source: ReadSource } | { label: string; error: string };

/** The kinds the reader takes (src/reports/parse) and the report JSON. */
const REPORT_FILE = /\.(txt|md|markdown|html?|xhtml|docx|pdf|json)$/i;
const ZIP_FILE = /\.zip$/i;

/** A folder's report files and zips, depth first, in name order (so runs print alike). */
async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (e.isFile() && (REPORT_FILE.test(e.name) || ZIP_FILE.test(e.name))) out.push(path);
  }
  return out;
}

async function unzip(path: string): Promise<CheckInput[]> {
  const bytes = await readReportBytes(path);
  if (!(bytes instanceof Uint8Array)) return [{ label: path, error: bytes.error }];
  // No cap on the number of reports: the command line has no request to keep short.
  const limits = { ...UPLOAD_LIMITS, files: Number.MAX_SAFE_INTEGER };
  const files = unpackUploads([{ name: path, bytes }], limits);
  if (files.length === 0) return [{ label: path, error: '压缩包中没有文件。' }];
  return files.map((f) =>
    f.error !== undefined
      ? { label: f.name, error: f.error }
      : { label: f.name, source: { bytes: f.bytes, filename: f.name } },
  );
}

export async function checkInputs(args: readonly string[]): Promise<CheckInput[]> {
  const out: CheckInput[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(arg)).isDirectory();
    } catch (err) {
      out.push({ label: arg, error: readError(err) });
      continue;
    }
    const paths = isDirectory ? await walk(arg) : [arg];
    if (isDirectory && paths.length === 0)
      out.push({
        label: arg,
        error:
          '文件夹中没有可检查的报告文件（.txt、.html、.docx、.pdf、.md、.json 或 .zip）；请确认文件夹是否正确。',
      });
    for (const path of paths)
      if (ZIP_FILE.test(path)) out.push(...(await unzip(path)));
      else out.push({ label: path, source: { path } });
  }
  return out;
}
