// Content lines for the vCard and iCalendar text written from iCloud's JSON: one line per
// property, values escaped as TEXT (RFC 6350 §3.4, RFC 5545 §3.3.11: "\", ";", "," and newlines),
// parameter values caret-escaped and quoted (RFC 6868, through cards/content-line.ts), and lines
// folded at 75 octets without splitting a character (RFC 6350 §3.2, RFC 5545 §3.1).
import { formatContentLine } from '../../cards/content-line';
import { escapeText } from '../../cards/text-values';
import { foldLine } from '../../shared/fold-line';

export type LineParams = ReadonlyArray<readonly [name: string, value: string]>;

/** One folded line; `value` is written as it is (already a DATE, URI or escaped value). */
export function rawLine(name: string, value: string, params: LineParams = []): string {
  return foldLine(formatContentLine({ group: null, name, upperName: name, params: params.map(([n, v]) => ({ name: n, values: [v] })), value }));
}

/**
 * A vCard TEXT value outside N, ADR and ORG: "\\", "," and newlines escaped, ";" left bare. RFC
 * 6350 §3.4 lets a writer escape it ("MAY") but ical.js keeps the backslash of a "\;" there
 * (cards/text-values.ts says the same), and a bare one reads back the same everywhere.
 */
export function escapeCardText(value: string): string {
  return value.replace(/[\\,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** One folded line whose value is TEXT: a vCard's (`card`) or an iCalendar object's (`ical`, RFC 5545 §3.3.11: ";" escaped too). */
export function textLine(name: string, value: string, params: LineParams = [], dialect: 'card' | 'ical' = 'card'): string {
  return rawLine(name, dialect === 'card' ? escapeCardText(value) : escapeText(value), params);
}

/** A structured TEXT value (N, ADR, ORG): each component escaped, joined by ";". */
export function structuredLine(name: string, parts: readonly string[], params: LineParams = []): string {
  return rawLine(name, parts.map(escapeText).join(';'), params);
}

/** Lines joined with CRLF, the text ending with one (RFC 6350 §3.2, RFC 5545 §3.1). */
export function joinLines(lines: readonly string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * True when a TEXT value reads back exactly: a carriage return becomes "\n" and reads back as a
 * line feed, and a lone surrogate cannot be written in UTF-8. Such a value is kept as JSON.
 */
export function textRoundTrips(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Controls other than line feed (RFC 6350 §3.3 and RFC 5545 §3.1 allow none in a value).
    if ((c < 0x20 && c !== 0x0a) || c === 0x7f) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** A string a TEXT property gives back exactly; empty strings are kept as JSON instead. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && textRoundTrips(value);
}

/** An address written as a URI value as it is (no escape exists there, RFC 3986): no space, backslash, quote or angle bracket. */
export function isUriText(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\\"<>]*$/.test(value);
}
