// Bytes to text. Chinese government sites still serve GB18030/GBK beside UTF-8, and Word
// exports may carry a UTF-16 byte order mark.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The charset an HTML page declares in its first bytes (<meta charset=gbk> …), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 512); i++) {
    const b = bytes[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x3c;
  }
  return false;
}

const GB = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312']);

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Only an HTML page can declare its charset; other text is not scanned for one.
  const declared = looksLikeMarkup(bytes) ? declaredCharset(bytes) : null;
  if (declared && GB.has(declared)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    // Not valid UTF-8: the other encoding Chinese documents come in.
    return new TextDecoder('gb18030').decode(bytes);
  }
}
