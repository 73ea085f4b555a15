// Uploaded files → the report files to check. A .zip is opened (one level deep) within
// limits that defeat zip bombs: the number of entries and their total uncompressed size
// are checked on the archive's directory before anything is inflated, and fflate inflates
// each entry into a buffer of the declared size, so a lying header cannot make it grow.
import { unzipSync } from 'fflate';

export interface UploadLimits {
  requestBytes: number;
  files: number;
  zipEntries: number;
  zipBytes: number;
}

export const UPLOAD_LIMITS: Readonly<UploadLimits> = {
  /** The whole multipart request. */
  requestBytes: 30 * 1024 * 1024,
  /** Report files checked in one go (after unpacking). */
  files: 200,
  /** Entries in one zip archive (directories not counted). */
  zipEntries: 200,
  /** Total uncompressed size of one zip archive. */
  zipBytes: 100 * 1024 * 1024,
};

const MB = 1024 * 1024;

/** 「100 MB」, or 「12 KB」 below a megabyte. */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.ceil(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file to check, or why a file cannot be checked (said in Chinese). */
export type UnpackedFile =
  { name: string; bytes: Uint8Array; error?: undefined } | { name: string; error: string };

const isZipName = (name: string) => /\.zip$/i.test(name);

/** Names fflate read as Latin-1 (no UTF-8 flag: Windows zips in China use GBK) are decoded again. */
export function fixEntryName(name: string): string {
  if (![...name].some((ch) => ch.charCodeAt(0) >= 0x80)) return name;
  if ([...name].some((ch) => ch.charCodeAt(0) > 0xff)) return name;
  const raw = Uint8Array.from([...name].map((ch) => ch.charCodeAt(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** Files the archive tools add that are not anyone's documents. */
function isJunk(path: string): boolean {
  return path
    .split('/')
    .some((part) => part === '__MACOSX' || part.startsWith('.') || part === 'Thumbs.db');
}

function unzipArchive(zip: UploadedFile, limits: UploadLimits): UnpackedFile[] {
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(zip.bytes, {
      filter(file) {
        if (!file.name.endsWith('/')) entries.push({ name: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch {
    return [{ name: zip.name, error: '压缩包已损坏或不是 zip 格式，无法打开；请重新打包后上传。' }];
  }
  const wanted = entries.filter((e) => !isJunk(e.name));
  if (wanted.length > limits.zipEntries) {
    return [
      {
        name: zip.name,
        error: `压缩包中有 ${wanted.length} 个文件，超过每个压缩包 ${limits.zipEntries} 个的上限；请分成几个压缩包上传。`,
      },
    ];
  }
  const total = wanted.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.zipBytes) {
    return [
      {
        name: zip.name,
        error: `压缩包解压后共 ${sizeText(total)}，超过 ${sizeText(limits.zipBytes)} 的上限；请分成几个压缩包上传。`,
      },
    ];
  }
  let files: Record<string, Uint8Array>;
  try {
    const keep = new Set(wanted.map((e) => e.name));
    files = unzipSync(zip.bytes, { filter: (file) => keep.has(file.name) });
  } catch {
    return [
      {
        name: zip.name,
        error:
          '压缩包中的文件无法解压（可能已损坏、加了密码或使用了不支持的压缩方式）；请重新打包后上传。',
      },
    ];
  }
  return wanted.map((e) => {
    // Control characters go (PostgreSQL refuses NUL in text): the name is only shown.
    const name = `${zip.name}/${fixEntryName(e.name).replace(/[\u0000-\u001f\u007f]/gu, '')}`;
    if (isZipName(e.name))
      return { name, error: '压缩包中的压缩包不再解压；请把其中的报告文件直接放入压缩包。' };
    return { name, bytes: files[e.name] ?? new Uint8Array() };
  });
}

/** Expands the uploads into the files to check, in upload order, within the limits. */
export function unpackUploads(
  uploads: readonly UploadedFile[],
  limits: UploadLimits = UPLOAD_LIMITS,
): UnpackedFile[] {
  const out: UnpackedFile[] = [];
  for (const upload of uploads) {
    if (isZipName(upload.name)) out.push(...unzipArchive(upload, limits));
    else out.push({ name: upload.name, bytes: upload.bytes });
  }
  if (out.length > limits.files) {
    const kept = out.slice(0, limits.files);
    kept.push({
      name: `其余 ${out.length - limits.files} 个文件`,
      error: `一次最多检查 ${limits.files} 份报告，其余文件未检查；请分批上传。`,
    });
    return kept;
  }
  return out;
}
