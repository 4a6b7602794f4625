// Some servers fold vCard lines every 75 octets without regard to characters, splitting a
// multi-octet UTF-8 character across the fold (RFC 6350 §3.2 forbids it; RFC 5545 §3.1 allows
// it for iCalendar, and shared code does the same for both). Decoding such bytes as UTF-8 first
// turns each half into U+FFFD, and the name is lost before anyone unfolds it.

/** True for 10xxxxxx, the byte that continues a UTF-8 sequence and never starts a character. */
function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/**
 * Decodes UTF-8 bytes of vCard (or iCalendar) text, first removing only those folds
 * (CRLF or LF, then one space or tab) that sit inside a multi-octet character. Every other fold
 * is kept, so the text stays as the server wrote it. Safe on a whole DAV response body: a
 * continuation byte after a fold can only be the rest of a split character.
 */
export function decodeFoldedUtf8(bytes: Uint8Array): string {
  let out: Uint8Array | null = null;
  let length = 0;
  let copied = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    const start = i > 0 && bytes[i - 1] === 0x0d ? i - 1 : i;
    const ws = bytes[i + 1];
    if ((ws !== 0x20 && ws !== 0x09) || !isContinuation(bytes[i + 2])) continue;
    out ??= new Uint8Array(bytes.length);
    out.set(bytes.subarray(copied, start), length);
    length += start - copied;
    copied = i + 2;
  }
  if (out === null) return new TextDecoder('utf-8').decode(bytes);
  out.set(bytes.subarray(copied), length);
  length += bytes.length - copied;
  return new TextDecoder('utf-8').decode(out.subarray(0, length));
}
