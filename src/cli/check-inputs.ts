// What `gongkai check` is given, as the files to check: a file is itself; a folder is every
// report file under it (sub-folders too, in name order, links followed, hidden files and the
// archive tools' leftovers skipped); a .zip is unpacked within the console's limits against
// zip bombs (one level deep). Each comes with the name it is printed under.
import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unpackUploads, UPLOAD_LIMITS } from '../reports/check-console/unpack.js';
import type { ReadSource } from '../reports/read/protocol.js';
import { readError, readReportBytes } from '../reports/read/read-file.js';

/** A file to check, or why an argument gave none (Chinese). */
export type CheckInput = { label: string; source: ReadSource } | { label: string; error: string };

/** The kinds the reader takes (src/reports/parse) and the report JSON. */
const REPORT_FILE = /\.(txt|md|markdown|html?|xhtml|docx|pdf|json)$/i;
const ZIP_FILE = /\.zip$/i;
const isReportName = (name: string) => REPORT_FILE.test(name) || ZIP_FILE.test(name);

/** A path found in a folder, or why an entry of it gave none (Chinese). */
type Found = { path: string } | { label: string; error: string };

/** The Chinese line for a link whose target is missing, naming where it points. */
async function brokenLink(path: string): Promise<string> {
  const target = await readlink(path).catch(() => null);
  return `这是一个链接，但它指向的${target ? `“${target}”` : '位置'}不存在，已跳过（其余文件照常检查）；请修正或删除该链接。`;
}

/**
 * A folder's report files and zips, depth first, in name order (so runs print alike).
 * Links are followed (a supervisor's folder of reports is often links into where each
 * agency's files live); `seen` holds the real path of every folder and file already taken,
 * so a link back up the tree cannot loop and a file reached twice is checked once.
 */
async function walk(dir: string, seen: Set<string>): Promise<Found[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    return [{ label: dir, error: readError(err) }];
  }
  entries = entries
    .filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: Found[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    let kind: 'directory' | 'file' | 'other' = e.isDirectory()
      ? 'directory'
      : e.isFile()
        ? 'file'
        : 'other';
    if (e.isSymbolicLink()) {
      const target = await stat(path).catch((err: NodeJS.ErrnoException) => err);
      // A broken link is said when it could have been a report or a folder of them; one
      // named as some other kind of file would not have been checked anyway.
      const mayBeReport = isReportName(e.name) || !/\.[^./]+$/.test(e.name);
      if (target instanceof Error && !mayBeReport) continue;
      if (target instanceof Error) {
        out.push({
          label: path,
          error:
            target.code === 'ENOENT' || target.code === 'ENOTDIR'
              ? await brokenLink(path)
              : target.code === 'ELOOP'
                ? '这是一个链接，但它指向自身（链接循环），已跳过；请修正或删除该链接。'
                : readError(target),
        });
        continue;
      }
      kind = target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
    }
    if (kind === 'other') continue;
    if (kind === 'file' && !isReportName(e.name)) continue;
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) continue;
    seen.add(real);
    if (kind === 'directory') out.push(...(await walk(path, seen)));
    else out.push({ path });
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
    if (!isDirectory) {
      if (ZIP_FILE.test(arg)) out.push(...(await unzip(arg)));
      else out.push({ label: arg, source: { path: arg } });
      continue;
    }
    const found = await walk(arg, new Set([await realpath(arg).catch(() => arg)]));
    if (!found.some((f) => 'path' in f))
      out.push({
        label: arg,
        error:
          '文件夹中没有可检查的报告文件（.txt、.html、.docx、.pdf、.md、.json 或 .zip）；请确认文件夹是否正确。',
      });
    for (const f of found)
      if (!('path' in f)) out.push(f);
      else if (ZIP_FILE.test(f.path)) out.push(...(await unzip(f.path)));
      else out.push({ label: f.path, source: { path: f.path } });
  }
  return out;
}
