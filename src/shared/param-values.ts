// The parameter values of a content line, read and written the same way for vCard and
// iCalendar: both grammars say `param-value *("," param-value)`, each value plain text or quoted
// (RFC 6350 §3.3, RFC 5545 §3.1), and neither has a backslash escape inside a parameter value.
// RFC 6868 adds the only escape there is: "^n" (newline), "^'" (a double quote), "^^" (a caret);
// a caret before anything else is a plain caret (§3.2). It is decoded on reading so that a
// value means what its writer meant, and written back by `paramValueText`, so that a `"` is
// never turned into something else and a newline never breaks the line.

export const SEMI = 0x3b; // ;
export const COLON = 0x3a; // :
export const EQUALS = 0x3d; // =
const COMMA = 0x2c; // ,
const QUOTE = 0x22; // "
const CARET = '^';

/** RFC 6868 §3.2: "^n" → newline, "^'" → `"`, "^^" → "^"; any other caret is kept as it is. */
export function decodeCaret(value: string): string {
  if (!value.includes(CARET)) return value;
  return value.replace(/\^([n'^])/g, (_m, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

/** RFC 6868 §3.2 the other way: "^" → "^^", newline (CRLF, LF or CR) → "^n", `"` → "^'". */
export function encodeCaret(value: string): string {
  return value.replace(/\^|\r\n|\r|\n|"/g, (c) => (c === '^' ? '^^' : c === '"' ? "^'" : '^n'));
}

/**
 * One parameter value as written in a content line: caret-escaped (RFC 6868), then quoted when
 * it holds ";", ":" or "," (RFC 6350 §3.3, RFC 5545 §3.2), which would otherwise end it, or
 * when it is empty: the grammar allows "X=", but vobject then reads no value at all.
 */
export function paramValueText(value: string): string {
  const text = encodeCaret(value);
  return text === '' || /[;:,]/.test(text) ? `"${text}"` : text;
}

/**
 * The values after the "=" at `equals`, quotes removed and RFC 6868 caret escapes decoded, and
 * the index of the character that ends them (";", ":" or the end of the line); null when a
 * quote is never closed.
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
      values.push(decodeCaret(line.slice(i + 1, close)));
      i = close + 1;
    } else {
      const start = i;
      while (i < n && c !== COMMA && c !== SEMI && c !== COLON && c !== QUOTE) c = line.charCodeAt(++i);
      values.push(decodeCaret(line.slice(start, i)));
    }
    c = line.charCodeAt(i);
  } while (c === COMMA);
  return { values, end: i };
}
