// Turning a body's bytes into text without altering it unannounced.
import { decodeFoldedUtf8 } from './decode-folded-utf8';

/** U+FFFD's UTF-8 bytes: a replacement character the server really sent. */
function servedReplacements(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  return count;
}

function replacements(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\uFFFD') count++;
  return count;
}

/**
 * Decodes a body by the charset its Content-Type names (RFC 9110 §8.3.1), UTF-8 when it names
 * none or one this runtime does not know. Decoding is strict first, so a body with stray bytes
 * is flagged rather than silently altered; `response.text()` would replace them unannounced.
 * A UTF-8 body that is invalid only because a line fold (CRLF + space) splits a character
 * (RFC 6350 §3.2 forbids it, some servers do it; RFC 5545 §3.1 allows it) decodes exactly once
 * those folds are removed: the result then holds no replacement character the server did not send.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): { text: string; lossy: boolean } {
  const label = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    return { text: decoder.decode(bytes), lossy: false };
  } catch {
    if (decoder.encoding === 'utf-8') {
      const unfolded = decodeFoldedUtf8(bytes);
      if (replacements(unfolded) === servedReplacements(bytes)) return { text: unfolded, lossy: false };
    }
    return { text: new TextDecoder(decoder.encoding).decode(bytes), lossy: true };
  }
}
