// The parameter values of a content line, read the same way for vCard and iCalendar: both
// grammars say `param-value *("," param-value)`, each value plain text or quoted
// (RFC 6350 §3.3, RFC 5545 §3.1).

export const SEMI = 0x3b; // ;
export const COLON = 0x3a; // :
export const EQUALS = 0x3d; // =
const COMMA = 0x2c; // ,
const QUOTE = 0x22; // "

/**
 * The values after the "=" at `equals`, quotes removed, and the index of the character that
 * ends them (";", ":" or the end of the line); null when a quote is never closed.
 */
export function readParamValues(line: string, equals: number): { values: string[]; end: number } | null {
  const n = line.length;
  const values: string[] = [];
  let i = equals;
  let c: number;
  do {
    c = line.charCodeAt(++i);
    if (c === QUOTE) {
      const close = line.indexOf('"', i + 1);
      if (close === -1) return null;
      values.push(line.slice(i + 1, close));
      i = close + 1;
    } else {
      const start = i;
      while (i < n && c !== COMMA && c !== SEMI && c !== COLON && c !== QUOTE) c = line.charCodeAt(++i);
      values.push(line.slice(start, i));
    }
    c = line.charCodeAt(i);
  } while (c === COMMA);
  return { values, end: i };
}
