// Escaping of TEXT values. vCard 3.0 and 4.0 escape "\", ",", ";" and newlines with a backslash
// (RFC 2426 §4 "text", RFC 6350 §3.4). vCard 2.1 (§2.4.1 of the IMC spec) only escapes ";"
// inside compound values, so a bare comma or backslash there is literal.

/** How a vCard 2.1 value is laid out, which decides which of its characters are literal. */
export type LegacyShape = 'text' | 'list';

/**
 * vCard 2.1 text (already quoted-printable decoded) → vCard 3.0 text (RFC 2426 §4 text-value:
 * "\\", "\," and "\n" escaped). Keeps what 2.1 producers such as Android
 * write as escapes ("\;", "\\", "\," and "\n" for a newline); every other backslash is a literal
 * one. A "," separates the values of a list (CATEGORIES, NICKNAME) and is escaped anywhere else.
 * A bare ";" stays bare: it separates the components of N, ADR and ORG (2.1 §2.4), and in plain
 * text, where RFC 2426 asks for "\;", ical.js (this project's own reader) would keep the
 * backslash, while bare it reads the same in ical.js, vobject and RFC 6350's grammar (§3.3).
 */
export function escapeLegacyText(value: string, shape: LegacyShape = 'text'): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const next = value[i + 1] ?? '';
    if (c === '\\' && (next === ';' || next === '\\' || next === ',' || next === 'n' || next === 'N')) {
      out += c + next;
      i++;
    } else if (c === '\\') out += '\\\\';
    else if (c === ',') out += shape === 'list' ? ',' : '\\,';
    else if (c === '\r' && next === '\n') {
      out += '\\n';
      i++;
    } else if (c === '\n' || c === '\r') out += '\\n';
    else out += c;
  }
  return out;
}

/** Plain text → a 3.0/4.0 TEXT value (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Newlines in an already 3.0-escaped value (e.g. after quoted-printable decoding) → "\n". */
export function escapeNewlines(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

/** Undoes RFC 6350 §3.4 escaping ("\n" or "\N" → newline, "\x" → "x"). */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a compound value (N, ADR, ORG) on the ";" that are not escaped, then unescapes. */
export function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === ';') {
      parts.push(unescapeText(value.slice(start, i)));
      start = i + 1;
    }
  }
  parts.push(unescapeText(value.slice(start)));
  return parts;
}
