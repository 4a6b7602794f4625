// Escaping of TEXT values. vCard 3.0 and 4.0 escape "\", ",", ";" and newlines with a backslash
// (RFC 2426 §4 "text", RFC 6350 §3.4). vCard 2.1 (§2.4.1 of the IMC spec) only escapes ";"
// inside compound values, so a bare comma or backslash there is literal.

/**
 * vCard 2.1 text (already quoted-printable decoded) → vCard 3.0 text. Keeps "\;" and "\\"
 * (written by 2.1 producers such as Android), escapes everything else 3.0 gives a meaning to.
 */
export function escapeLegacyText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const next = value[i + 1];
    if (c === '\\' && (next === ';' || next === '\\' || next === ',')) {
      out += c + next;
      i++;
    } else if (c === '\\') out += '\\\\';
    else if (c === ',') out += '\\,';
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
