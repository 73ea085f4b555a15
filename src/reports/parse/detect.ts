// What kind of file arrived: by its first bytes, then by its name, then by its text.
export type InputKind = 'pdf' | 'zip' | 'json' | 'html' | 'markdown' | 'text';

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Kinds told by the bytes alone (before decoding). */
export function binaryKind(bytes: Uint8Array): 'pdf' | 'zip' | null {
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06')) return 'zip';
  // A PDF header may be preceded by a few bytes of junk; readers accept it within the first KiB.
  const head = Math.min(bytes.length, 1024);
  for (let i = 0; i + 5 <= head; i++)
    if (bytes[i] === 0x25 && startsWith(bytes, '%PDF-', i)) return 'pdf';
  return null;
}

function extension(filename: string | undefined): string {
  const m = /\.([a-z0-9]+)$/iu.exec(filename ?? '');
  return m ? m[1]!.toLowerCase() : '';
}

/** Kinds of decoded text: by its first characters, then the file name, then its lines. */
export function textKind(text: string, filename?: string): 'json' | 'html' | 'markdown' | 'text' {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('{')) return 'json';
  if (start.startsWith('<')) return 'html';
  const ext = extension(filename);
  if (ext === 'json') return 'json';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (/^\s*\|.*\|\s*$/mu.test(text) && /^\s*\|?\s*:?-{3,}/mu.test(text)) return 'markdown';
  if (/<table[\s>]/iu.test(text)) return 'html';
  return 'text';
}
