// The one line unfolder for vCard and iCalendar text. Both formats fold a long content line by
// inserting a line break followed by one space or tab (RFC 5545 §3.1, RFC 6350 §3.2), and
// unfolding removes exactly that break and that one character. Servers and files in the wild
// also end lines with a bare LF (or, rarely, a bare CR), so every break is accepted here.
//
// A fold may sit inside a character: RFC 5545 §3.1 only asks that multi-octet characters SHOULD
// stay whole, and some servers fold every 75 octets regardless. In a JavaScript string such a
// fold lies between the two halves of a surrogate pair, and removing it joins them again. In
// bytes, decoding first would turn each half into U+FFFD, so `decodeUnfolded` removes the folds
// before decoding.

/** One content line: its unfolded text, and its physical lines exactly as written. */
export interface FoldedLine {
  text: string;
  physical: string[];
}

/** A CRLF, or a bare LF or CR. */
const LINE_BREAK = /\r\n|\n|\r/;

function isFoldStart(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x20 || c === 0x09;
}

/**
 * The content lines of a text, each with its physical lines. A continuation line with nothing
 * before it (the text starts with one, or it follows an empty line) starts a line of its own,
 * without its leading space. Empty lines are not content lines: dropped, and they end a line.
 */
export function foldedLines(raw: string, options: { keepBlank?: boolean } = {}): FoldedLine[] {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const out: FoldedLine[] = [];
  let current: { parts: string[]; physical: string[] } | null = null;
  const finish = (): void => {
    if (current !== null) out.push({ text: current.parts.join(''), physical: current.physical });
    current = null;
  };
  for (const line of text.split(LINE_BREAK)) {
    if (line === '') {
      finish();
      // A cutter that must give back every physical line (a vCard 2.1 quoted-printable value
      // may end in "=" and a blank line) asks for blank lines too.
      if (options.keepBlank) out.push({ text: '', physical: [''] });
      continue;
    }
    if (current !== null && isFoldStart(line)) {
      current.parts.push(line.slice(1));
      current.physical.push(line);
      continue;
    }
    finish();
    current = { parts: [isFoldStart(line) ? line.slice(1) : line], physical: [line] };
  }
  finish();
  return out;
}

/** The unfolded content lines of a text (no empty lines). */
export function unfoldLines(raw: string): string[] {
  return foldedLines(raw).map((l) => l.text);
}

/** True for 10xxxxxx, the byte that continues a UTF-8 sequence and never starts a character. */
function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/**
 * The bytes with only those folds (CRLF or LF, then one space or tab) removed that sit inside a
 * multi-octet UTF-8 character; every other fold is kept, so the text stays as the server wrote
 * it. A continuation byte right after a fold can only be the rest of a split character, so this
 * is safe on any body, a whole DAV response included. Returns the input when there is none.
 */
export function joinSplitCharacters(bytes: Uint8Array): Uint8Array {
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
  if (out === null) return bytes;
  out.set(bytes.subarray(copied), length);
  length += bytes.length - copied;
  return out.subarray(0, length);
}

/** Decodes UTF-8 vCard or iCalendar bytes after joinSplitCharacters (invalid bytes become U+FFFD). */
export function decodeUnfolded(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(joinSplitCharacters(bytes));
}
