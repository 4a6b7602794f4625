// Writing an object's components into the export: each unfolded line as the server served it,
// folded again for the file, with TZID references renamed where ical-timezones.ts asked.
import type { IcalLine } from '../calendars/content-line';
import { formatIcalLine } from '../calendars/content-line';
import type { CalendarObject, ObjectPart } from '../calendars/read-calendar-object';
import { foldLine, mayHaveLongLine } from '../shared/fold-line';

/** Original TZID → the TZID the export uses for it, for one object. */
export type TzidRenames = ReadonlyMap<string, string>;

/** The line with its TZID parameter renamed, or null when it needs no change. */
function renamed(line: IcalLine, renames: TzidRenames): string | null {
  if (line.params.length === 0) return null;
  let changed = false;
  const params = line.params.map((p) => {
    if (p.name !== 'TZID') return p;
    const values = p.values.map((v) => renames.get(v) ?? v);
    changed ||= values.some((v, i) => v !== p.values[i]);
    return { ...p, values };
  });
  return changed ? formatIcalLine(line.name, params, line.value) : null;
}

/** A fold between the two halves of a surrogate pair: written out, each half becomes U+FFFD. */
const SPLIT_PAIR = /[\uD800-\uDBFF]\r\n/;

/**
 * The part's text exactly as served, when that is already valid output: CRLF only, no blank
 * line, every line within 75 octets (mayHaveLongLine over-estimates, which only sends a part
 * to the slower path). One slice per component, not a string per line, and byte for byte.
 */
function verbatim(object: CalendarObject, part: ObjectPart): string | null {
  if (!contiguous(object, part)) return null;
  const text = object.text.slice(object.lines[part.begin]?.start, object.lines[part.end]?.end);
  return mayHaveLongLine(text) || SPLIT_PAIR.test(text) ? null : text;
}

/**
 * Appends the part to `out`: as served when it can be (verbatim), else line by line, each line
 * unfolded and folded again at 75 octets, never inside a UTF-8 character. Folding is transport
 * only (RFC 5545 §3.1: "unfolded before any other processing"), so the content stays the
 * server's to the octet, while servers that fold at 76 octets or inside a character, or that
 * end lines with a bare LF, no longer make the file invalid.
 */
export function writePart(out: string[], object: CalendarObject, part: ObjectPart, renames: TzidRenames, tzid?: string): void {
  const asServed = renames.size === 0 && tzid === undefined ? verbatim(object, part) : null;
  if (asServed !== null) {
    out.push(asServed);
    return;
  }
  for (let i = part.begin; i <= part.end; i++) {
    const l = object.lines[i];
    if (l === undefined) continue;
    let text = l.text;
    if (tzid !== undefined && l.line.name === 'TZID') text = `TZID:${tzid}`;
    else if (renames.size > 0) text = renamed(l.line, renames) ?? text;
    out.push(foldLine(text));
  }
}

/** True when the part's lines follow each other in the text: CRLF, no blank line between. */
function contiguous(object: CalendarObject, part: ObjectPart): boolean {
  const { lines } = object;
  if (!object.crlf || (lines[part.begin]?.start ?? -1) < 0) return false;
  for (let i = part.begin; i < part.end; i++) {
    if (lines[i + 1]?.start !== (lines[i]?.end ?? 0) + 2) return false;
  }
  return true;
}

/**
 * The part's text as ical.js can read it: the served text itself when contiguous (one slice;
 * the usual case), else its unfolded lines joined by CRLF. For a VTIMEZONE, also its identity
 * in the export: two copies folded differently only take the slower, semantic comparison.
 */
export function partSource(object: CalendarObject, part: ObjectPart): string {
  if (contiguous(object, part)) return object.text.slice(object.lines[part.begin]?.start, object.lines[part.end]?.end);
  const out: string[] = [];
  for (let i = part.begin; i <= part.end; i++) out.push(object.lines[i]?.text ?? '');
  return out.join('\r\n');
}

/** TEXT escaping (§3.3.11): backslash, semicolon, comma, newline. */
export function escapeIcalText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}
