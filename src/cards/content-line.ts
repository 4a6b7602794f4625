// One vCard content line, split into its parts without interpreting the value.
// Grammar: RFC 6350 §3.3 (and RFC 2426 §4, the same shape for 3.0):
//   contentline = [group "."] name *(";" param) ":" value
//   param       = param-name "=" param-value *("," param-value)
//   param-value = *SAFE-CHAR / DQUOTE *QSAFE-CHAR DQUOTE
// vCard 2.1 also allows a bare parameter ("TEL;WORK;VOICE:…"); it is kept with `values: null`
// so that legacy-vcard.ts can name it, instead of failing the whole card.
import { COLON, EQUALS, paramValueText, readParamValues, SEMI } from '../shared/param-values';

export interface CardParam {
  name: string;
  /** Values as written, quotes removed; `null` for a vCard 2.1 bare parameter. */
  values: string[] | null;
}

export interface ContentLine {
  group: string | null;
  /** As written (case kept); compare with `upperName`. */
  name: string;
  upperName: string;
  params: readonly CardParam[];
  value: string;
}

const NO_PARAMS: readonly CardParam[] = Object.freeze([]);

/** Parses one unfolded line; `null` when it is not a content line (no ':' or broken quoting). */
export function parseContentLine(line: string): ContentLine | null {
  const n = line.length;
  let i = 0;
  let c = line.charCodeAt(0);
  while (i < n && c !== SEMI && c !== COLON) c = line.charCodeAt(++i);
  if (i === 0 || i === n) return null;
  const fullName = line.slice(0, i);
  const dot = fullName.indexOf('.');
  const group = dot > 0 ? fullName.slice(0, dot) : null;
  const name = dot > 0 ? fullName.slice(dot + 1) : fullName;
  if (name === '') return null;
  let params: CardParam[] | null = null;
  while (c === SEMI) {
    const start = ++i;
    c = line.charCodeAt(i);
    while (i < n && c !== EQUALS && c !== SEMI && c !== COLON) c = line.charCodeAt(++i);
    const paramName = line.slice(start, i);
    if (paramName === '' || i === n) return null;
    params ??= [];
    if (c !== EQUALS) {
      params.push({ name: paramName, values: null });
      continue;
    }
    const read = readParamValues(line, i);
    if (!read) return null;
    const { values } = read;
    i = read.end;
    c = line.charCodeAt(i);
    if (c !== SEMI && c !== COLON) return null;
    params.push({ name: paramName, values });
  }
  if (c !== COLON) return null;
  return { group, name, upperName: name.toUpperCase(), params: params ?? NO_PARAMS, value: line.slice(i + 1) };
}

/** Writes a content line back as one unfolded line. */
export function formatContentLine(line: ContentLine): string {
  let out = line.group === null ? line.name : `${line.group}.${line.name}`;
  for (const p of line.params) {
    out += p.values === null ? `;${p.name}` : `;${p.name}=${p.values.map(paramValueText).join(',')}`;
  }
  return `${out}:${line.value}`;
}

/** The values of every parameter called `name` (case-insensitive), in order. */
export function paramValues(line: ContentLine, name: string): string[] {
  const out: string[] = [];
  for (const p of line.params) {
    if (p.values !== null && p.name.toUpperCase() === name) out.push(...p.values);
  }
  return out;
}

/** A copy of the line without the parameters called any of `names` (upper case). */
export function withoutParams(line: ContentLine, ...names: string[]): ContentLine {
  return { ...line, params: line.params.filter((p) => !names.includes(p.name.toUpperCase())) };
}
