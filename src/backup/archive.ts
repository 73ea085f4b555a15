// The backup archive: one ZIP file, written and read as a stream so a large file store
// never has to fit in memory. Entries: `manifest.json` first (what the backup holds, to
// check a restore against), then `database.sqlite` (embedded database only), then
// `files/<id>` for every stored file. Stored files are already compressed (PDF, DOCX, PNG):
// they go in as they are; the manifest and the database are deflated.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const CHUNK = 1 << 20;

export class ArchiveWriter {
  private readonly fd: number;
  private readonly zip: Zip;
  private error: Error | null = null;
  private done: Promise<void>;

  constructor(path: string) {
    // 'wx': a backup never overwrites an earlier one.
    this.fd = openSync(path, 'wx', 0o600);
    let finish!: () => void;
    let fail!: (e: Error) => void;
    this.done = new Promise<void>((res, rej) => {
      finish = res;
      fail = rej;
    });
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error = err;
        fail(err);
        return;
      }
      writeSync(this.fd, chunk);
      if (final) finish();
    });
  }

  addBytes(name: string, bytes: Uint8Array, compress: boolean): void {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(entry);
    entry.push(bytes, true);
    if (this.error) throw this.error;
  }

  /** Adds a file from disk in chunks. */
  addFile(name: string, path: string, compress: boolean): void {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    this.zip.add(entry);
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const n = readSync(fd, buf, 0, CHUNK, null);
        if (n === 0) break;
        entry.push(new Uint8Array(buf.subarray(0, n)), false);
      }
      entry.push(new Uint8Array(0), true);
    } finally {
      closeSync(fd);
    }
    if (this.error) throw this.error;
  }

  async close(): Promise<void> {
    this.zip.end();
    try {
      await this.done;
    } finally {
      closeSync(this.fd);
    }
  }
}

export interface EntrySink {
  write(chunk: Uint8Array): void;
  end(): void;
}

/**
 * Reads the archive at `path`, calling `open(name)` for each entry; the returned sink gets
 * its bytes (null: skip the entry). Names are checked by the caller, never used as paths.
 */
export function readArchive(path: string, open: (name: string) => EntrySink | null): void {
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const sink = open(file.name);
    if (!sink) return;
    file.ondata = (err, chunk, final) => {
      if (err) {
        failure = err;
        return;
      }
      try {
        if (chunk.length > 0) sink.write(chunk);
        if (final) sink.end();
      } catch (e) {
        failure = e as Error;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      unzip.push(new Uint8Array(buf.subarray(0, n)), false);
      if (failure) throw failure;
    }
    unzip.push(new Uint8Array(0), true);
  } finally {
    closeSync(fd);
  }
  if (failure) throw failure;
}
