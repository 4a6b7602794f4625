// One iCalendar content line split into name, parameters and value, without interpreting the
// value. Grammar (RFC 5545 §3.1):
//   contentline = name *(";" param) ":" value
//   name        = iana-token / x-name          ; 1*(ALPHA / DIGIT / "-")
//   param       = param-name "=" param-value *("," param-value)
//   param-value = paramtext / DQUOTE *QSAFE-CHAR DQUOTE
// Strict about the name (Python's vobject rejects any other character, so an export holding one
// would not load there), lenient about parameter text.
import { COLON, EQUALS, paramValueText, readParamValues, SEMI } from '../shared/param-values';

export interface IcalParam {
  /** Upper case. */
  name: string;
  /** Values as written, quotes removed. */
  values: string[];
}

export interface IcalLine {
  /** Upper case. */
  name: string;
  params: readonly IcalParam[];
  value: string;
}

const NO_PARAMS: readonly IcalParam[] = Object.freeze([]);

function isNameChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

/** Index after a run of name characters starting at `i`. */
function nameEnd(line: string, i: number): number {
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  return i;
}

/** Parses one unfolded line; `null` when it is not a content line. */
export function parseIcalLine(line: string): IcalLine | null {
  const n = line.length;
  let i = nameEnd(line, 0);
  if (i === 0 || i === n) return null;
  const name = line.slice(0, i).toUpperCase();
  let c = line.charCodeAt(i);
  let params: IcalParam[] | null = null;
  while (c === SEMI) {
    const start = ++i;
    i = nameEnd(line, i);
    if (i === start || line.charCodeAt(i) !== EQUALS) return null;
    const paramName = line.slice(start, i).toUpperCase();
    const read = readParamValues(line, i);
    if (!read) return null;
    const { values } = read;
    i = read.end;
    c = line.charCodeAt(i);
    (params ??= []).push({ name: paramName, values });
  }
  if (c !== COLON) return null;
  return { name, params: params ?? NO_PARAMS, value: line.slice(i + 1) };
}

/** The first value of the parameter `name` (upper case), or null. */
export function paramValue(line: IcalLine, name: string): string | null {
  for (const p of line.params) if (p.name === name) return p.values[0] ?? null;
  return null;
}

/** A parameter value as written: caret-escaped (RFC 6868), quoted when it must be (§3.2). */
export const paramText = paramValueText;

/** Writes a content line back as one unfolded line (parameter order and values kept). */
export function formatIcalLine(name: string, params: readonly IcalParam[], value: string): string {
  let out = name;
  for (const p of params) out += `;${p.name}=${p.values.map(paramText).join(',')}`;
  return `${out}:${value}`;
}
