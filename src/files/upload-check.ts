// The limits a file must meet before it is stored: size, and a kind recognised from its
// bytes that the caller accepts and that the file name does not contradict. Pure; every
// refusal says in Chinese what to do.
import {
  ALL_FILE_KINDS,
  detectFileKind,
  FILE_KIND_LABELS,
  kindFromFilename,
  type Detected,
  type FileKind,
} from './content-type.js';

export interface FileLimits {
  maxBytes: number;
  accept: readonly FileKind[];
}

const MB = 1024 * 1024;

export const DEFAULT_FILE_LIMITS: Readonly<FileLimits> = {
  maxBytes: 30 * MB,
  accept: ALL_FILE_KINDS,
};

export type RejectionReason = 'empty' | 'too_large' | 'type' | 'mismatch';

export type UploadCheck =
  | { ok: true; detected: Detected; filename: string }
  | { ok: false; reason: RejectionReason; message: string };

const MAX_NAME_LENGTH = 200;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * The name kept as metadata: the last path segment (browsers on Windows used to send
 * C:\fakepath\…), without control characters, at most 200 characters keeping the extension.
 */
export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(CONTROL, '').trim();
  if (!base) return '未命名文件';
  const chars = [...base];
  if (chars.length <= MAX_NAME_LENGTH) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, MAX_NAME_LENGTH - [...ext].length).join('') + ext;
}

function sizeText(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

export function checkUpload(
  bytes: Uint8Array,
  declaredName: string,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): UploadCheck {
  const filename = cleanFilename(declaredName);
  const named = `文件「${filename}」`;
  if (bytes.length === 0)
    return {
      ok: false,
      reason: 'empty',
      message: `${named}是空的：请确认选择了正确的文件后重新上传。`,
    };
  if (bytes.length > limits.maxBytes)
    return {
      ok: false,
      reason: 'too_large',
      message: `${named}有 ${sizeText(bytes.length)}，超过 ${sizeText(limits.maxBytes)} 的上限：请压缩其中的图片或拆分文件后重新上传。`,
    };
  const accepted = limits.accept.map((k) => FILE_KIND_LABELS[k]).join('、');
  const notAccepted = `${named}不是可以上传的类型（只接受${accepted}）：请转换格式后重新上传。`;
  const found = detectFileKind(bytes);
  if (!found.ok) {
    const office = limits.accept.includes('docx') || limits.accept.includes('xlsx');
    const message =
      found.unsupported === 'legacy-office' && office
        ? `${named}是旧版 Word 或 Excel 文件（.doc、.xls）：请在 Word 或 Excel 中另存为 .docx 或 .xlsx 后重新上传。`
        : found.unsupported === 'zip'
          ? `${named}是压缩包：请解压后逐个上传其中的文件。`
          : notAccepted;
    return { ok: false, reason: 'type', message };
  }
  const { kind } = found.detected;
  if (!limits.accept.includes(kind)) return { ok: false, reason: 'type', message: notAccepted };
  const promised = kindFromFilename(filename);
  if (promised && promised !== kind)
    return {
      ok: false,
      reason: 'mismatch',
      message: `${named}的扩展名表明它是${FILE_KIND_LABELS[promised]}，内容却是${FILE_KIND_LABELS[kind]}：请确认选择了正确的文件，或改正扩展名后重新上传。`,
    };
  return { ok: true, detected: found.detected, filename };
}
