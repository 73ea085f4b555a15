// How a received file was read, as the supervisor is told it: by its bytes and name. Pure.
import { binaryKind, textKind } from '../reports/parse/detect.js';

export const READ_AS_LABELS: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word（.docx）',
  html: '网页',
  markdown: 'Markdown',
  text: '文本',
  json: 'JSON',
  platform: '本平台发布',
};

export function readKind(bytes: Uint8Array, filename: string): string {
  const binary = binaryKind(bytes);
  if (binary === 'pdf') return 'pdf';
  if (binary === 'zip') return 'docx';
  const sample = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  return textKind(sample, filename);
}
