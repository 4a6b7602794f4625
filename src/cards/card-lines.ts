// Physical lines → logical (unfolded) lines, keeping track of which physical lines each came
// from, so that an exporter can copy untouched lines exactly as the server wrote them.

/** One unfolded line and the physical lines (`physical[first]` … `[first + count - 1]`) it spans. */
export interface LogicalLine {
  text: string;
  first: number;
  count: number;
}

export interface SplitCard {
  /** Every physical line, blank ones included, so that `index + 1` is a line number. */
  physical: string[];
  logical: LogicalLine[];
}

// A vCard 2.1 quoted-printable value ends a physical line with "=" to say "continued on the next
// line, which is not indented" (RFC 2045 §6.7 rule 5, as used by vCard 2.1 §2.1.3).
const QUOTED_PRINTABLE = /^[^:]*quoted-printable/i;
// vCard 2.1 base64 values (e.g. PHOTO) are often continued by lines that are not indented, and
// end with a blank line (vCard 2.1 §2.1.3); Outlook and old phones write them that way.
const BASE64_PARAM = /^[^:]*(?:base64|encoding=b[;:])/i;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
/** A CR or LF that is not part of a CRLF. */
export const MIXED_BREAKS = /\r(?!\n)|(?<!\r)\n/;

/** Whether the line's parameters (text before ':') mention base64; only if there is an '='. */
function isBase64Start(line: string): boolean {
  const eq = line.indexOf('=');
  if (eq === -1) return false;
  const colon = line.indexOf(':');
  return (colon === -1 || eq < colon) && BASE64_PARAM.test(line);
}

function isBlank(line: string): boolean {
  return line.length === 0 || line.trim().length === 0;
}

/**
 * Splits a card's text into lines (CRLF, LF or CR, as servers differ) and unfolds them:
 * a line starting with a space or tab continues the previous one, minus that one character
 * (RFC 6350 §3.2, RFC 2426 §2.6). Blank lines end a logical line and are otherwise ignored.
 */
export function splitCard(raw: string): SplitCard {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Splitting on the string "\r\n" is several times faster than on a regular expression, and
  // CRLF-only text is what nearly every server sends.
  // iOS 6.1.3 ended lines with CR CR LF (Android's vCard tests keep such a file): one break.
  const physical = MIXED_BREAKS.test(text) ? text.split(/\r*\n|\r/) : text.split('\r\n');
  const logical: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  let softBreak = false;
  let quotedPrintable = false;
  let base64 = false;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i] ?? '';
    // Whitespace after a fold is text ("FN:" folded before " " is FN with a space): only a
    // line that continues nothing is blank.
    const continues = current !== null && (line.startsWith(' ') || line.startsWith('\t'));
    if (isBlank(line) && !continues) {
      current = null;
      continue;
    }
    const first = line.charCodeAt(0);
    if (current !== null && softBreak) {
      // Kept as "=\n" so that the decoder sees a soft line break, not "=XY" hex.
      current.text += `\n${line}`;
      current.count = i - current.first + 1;
    } else if (current !== null && (first === 0x20 || first === 0x09)) {
      current.text += line.slice(1);
      current.count = i - current.first + 1;
    } else if (current !== null && base64 && BASE64_LINE.test(line)) {
      current.text += line;
      current.count = i - current.first + 1;
    } else {
      const start = first === 0x20 || first === 0x09 ? line.slice(1) : line;
      current = { text: start, first: i, count: 1 };
      logical.push(current);
      base64 = isBase64Start(start);
      quotedPrintable = start.includes('=') && QUOTED_PRINTABLE.test(start);
    }
    // Test the physical line, not current.text: endsWith on a growing concatenation would
    // flatten it every time (quadratic on a 300 KB photo).
    softBreak = quotedPrintable && line.endsWith('=');
  }
  return { physical, logical };
}
