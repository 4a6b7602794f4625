// Line folding for vCard and iCalendar output: "Lines of text SHOULD NOT be longer than 75
// octets, excluding the line break" and "multi-octet characters MUST remain contiguous"
// (RFC 6350 §3.2; RFC 5545 §3.1 says the same). The space that starts a continuation line
// counts towards its 75, so continuation lines carry at most 74 octets of text. (ical.js's own
// folder writes 75 octets after that space, i.e. 76-octet lines.)

const LIMIT = 75;

/** UTF-8 length of the code unit at `i` (a lone surrogate is written as U+FFFD: 3 octets). */
function octetsAt(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = line.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
  }
  return 3;
}

/** Code units taken by the character at `i`: 2 for a surrogate pair, else 1. */
function unitsAt(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = line.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** True when the line (UTF-8) is at most 75 octets; stops counting as soon as it knows. */
export function fitsOneLine(line: string): boolean {
  if (line.length <= LIMIT / 3) return true; // even all 3-octet characters fit
  if (line.length > LIMIT) return false; // at least one octet per code unit
  let octets = 0;
  for (let i = 0; i < line.length; i += unitsAt(line, i)) {
    octets += octetsAt(line, i);
    if (octets > LIMIT) return false;
  }
  return true;
}

/** Folds one unfolded (or physical) line into CRLF-separated lines of at most 75 octets. */
export function foldLine(line: string): string {
  if (fitsOneLine(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = LIMIT;
  for (let i = 0; i < line.length; ) {
    const size = octetsAt(line, i);
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = LIMIT - 1; // the leading space of the continuation line
    }
    octets += size;
    i += unitsAt(line, i);
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

// Only a line holding a character beyond ASCII can be over 75 octets in fewer than 76 code units.
const BEYOND_ASCII = /[\u0080-\uffff]/g;

/** Whether the line from `start` to `end` may be over 75 octets (surrogates counted 3 each). */
function lineMayBeLong(text: string, start: number, end: number): boolean {
  let octets = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    octets += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (octets > LIMIT) return true;
  }
  return false;
}

/**
 * True when some line of a multi-line text may be over 75 octets. Lines are found with
 * indexOf('\n') (a native search), and only a line of 26 to 75 code units that holds a
 * character beyond ASCII is counted one character at a time: a loop over every character cost
 * 0.4–0.6 s for the 81 MB of the bench's 10,000 contacts, most of a .vcf's build. A lone CR is
 * taken as part of its line, and surrogates count 3 octets each (a pair: 6, not 4): such
 * over-estimates only send a text to foldLine, which leaves a line that fits as it is.
 */
export function mayHaveLongLine(text: string): boolean {
  BEYOND_ASCII.lastIndex = 0;
  let beyondAscii = BEYOND_ASCII.exec(text)?.index ?? text.length;
  for (let start = 0; start < text.length; ) {
    const lf = text.indexOf('\n', start);
    const next = lf < 0 ? text.length : lf + 1;
    const end = lf > 0 && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf < 0 ? text.length : lf;
    const units = end - start;
    if (units > LIMIT) return true;
    if (beyondAscii < end) {
      if (units > LIMIT / 3 && lineMayBeLong(text, start, end)) return true;
      BEYOND_ASCII.lastIndex = next;
      beyondAscii = BEYOND_ASCII.exec(text)?.index ?? text.length;
    }
    start = next;
  }
  return false;
}
