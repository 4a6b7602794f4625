// Physical lines → logical (unfolded) lines of an iCalendar text, each remembering where it
// stands in the text: its line number for reasons a person can find in the file, its character
// range so that the exporter can copy a run of lines exactly as the server wrote them.

/** One unfolded line. */
export interface LogicalLine {
  text: string;
  /** Index of the physical line it starts on. */
  first: number;
  /** Its range in `SplitLines.text`, folds included, line break excluded (CRLF text only). */
  start: number;
  end: number;
}

export interface SplitLines {
  /** The text without a byte order mark. */
  text: string;
  /** True when every line ends in CRLF: only then are `start` and `end` set. */
  crlf: boolean;
  lines: LogicalLine[];
}

/** A CR or LF that is not part of a CRLF. */
const BARE_BREAK = /\r(?!\n)|(?<!\r)\n/;

/** Splits on CRLF; on CR and LF as well when the text has a bare one. */
function physicalLines(text: string): { physical: string[]; crlf: boolean } {
  // Splitting on the string "\r\n" is several times faster than on a regular expression, and
  // CRLF-only text is what nearly every server sends.
  if (BARE_BREAK.test(text)) return { physical: text.split(/\r\n|\r|\n/), crlf: false };
  return { physical: text.split('\r\n'), crlf: true };
}

/**
 * Splits on CRLF, LF or CR (servers differ; RFC 5545 §3.1 asks for CRLF) and unfolds: a line
 * that starts with a space or a tab continues the previous one, minus that one character
 * (§3.1), even when only white space follows (ical.js folds "\t" as " \t"). Empty lines are
 * not content lines; they are skipped, and end a logical line, as does white space before the
 * first line.
 */
export function splitLines(raw: string): SplitLines {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const { physical, crlf } = physicalLines(text);
  const logical: LogicalLine[] = [];
  let offset = 0;
  let current: LogicalLine | null = null;
  // Continuations are collected and joined once: `+=` on a long folded ATTACH would be slow.
  let parts: string[] | null = null;
  const finish = (): void => {
    if (current !== null && parts !== null) current.text = parts.join('');
    parts = null;
  };
  for (let i = 0; i < physical.length; i++, offset += 2) {
    const line = physical[i] ?? '';
    const start = offset;
    offset += line.length;
    const c = line.charCodeAt(0);
    const folded = c === 0x20 || c === 0x09;
    if (line.length === 0 || (current === null && folded && line.trim() === '')) {
      finish();
      current = null;
      continue;
    }
    if (current !== null && folded) {
      (parts ??= [current.text]).push(line.slice(1));
      current.end = offset;
      continue;
    }
    finish();
    // A continuation with nothing to continue: read without its space, never copied verbatim.
    const content = folded ? line.slice(1) : line;
    current = { text: content, first: i, start: folded ? -1 : start, end: offset };
    logical.push(current);
  }
  finish();
  return { text, crlf, lines: logical };
}
