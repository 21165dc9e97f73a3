/** Outcome of turning a file's bytes into text the parser can take. */
export type Decoded =
  | { ok: true; text: string; invalidUtf8: boolean }
  | { ok: false; reason: 'binary' };

const decoder = new TextDecoder('utf-8', { fatal: false });
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file: strips a BOM, normalises CRLF and CR to LF, flags invalid UTF-8
 * (decoded with replacement characters so the rest of the file is still checked) and
 * refuses binary files (a NUL byte in the first 8 KiB, as git decides).
 */
export function decode(content: string | Uint8Array): Decoded {
  let text: string;
  let invalidUtf8 = false;
  if (typeof content === 'string') {
    text = content;
  } else {
    const head = content.subarray(0, 8192);
    if (head.includes(0)) return { ok: false, reason: 'binary' };
    try {
      text = strictDecoder.decode(content);
    } catch {
      invalidUtf8 = true;
      text = decoder.decode(content);
    }
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text, invalidUtf8 };
}
