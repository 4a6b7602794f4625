// The fields of iCloud's JSON that no standard property holds exactly, kept as extension
// properties (RFC 6350 §6.10, RFC 5545 §3.8.8.2): `X-ICLOUD-<FIELD>;X-FIELD=<field>:<JSON>`, the
// value the field's JSON with its keys sorted (the same answer gives the same text, whatever
// order the service lists keys in), escaped as TEXT. X-FIELD names the field exactly, since a
// property name is upper case letters, digits and "-" only (RFC 6350 §3.3).
import { textLine } from './text-lines';

/** JSON with every object's keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries makes own properties, a "__proto__" key included (an assignment would not).
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

export const KEPT_PREFIX = 'X-ICLOUD-';
export const FIELD_PARAM = 'X-FIELD';

export function keptPropertyName(field: string): string {
  return `${KEPT_PREFIX}${field.toUpperCase().replace(/[^A-Z0-9-]/g, '-')}`;
}

/** One kept field's line; `undefined` values are absent fields and give nothing. */
export function keptLine(field: string, value: unknown, dialect: 'card' | 'ical'): string[] {
  if (value === undefined) return [];
  return [textLine(keptPropertyName(field), canonicalJson(value), [[FIELD_PARAM, field]], dialect)];
}

/** Lines for every field of `json` not in `mapped`, in the order of their names. */
export function keptLines(json: Record<string, unknown>, mapped: ReadonlySet<string>, dialect: 'card' | 'ical'): string[] {
  return Object.keys(json).filter((key) => !mapped.has(key)).sort().flatMap((key) => keptLine(key, json[key], dialect));
}
