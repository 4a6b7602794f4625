// Chooses the listing fields from a card's properties. Shared by the ical.js path and the
// best-effort path for cards ical.js cannot read, so both name a card the same way.
import type ICAL from 'ical.js';
import type { CardFields } from './card-fields';
import { telToText } from './tel-text';

/** One property: lower-case name (no group), and its value (components for N and ORG). */
export interface NamedValue {
  name: string;
  value: string | string[];
}

export const NO_NAME = '(no name)';

/** Flattens a value (or a component that is itself a comma list, RFC 6350 §3.3) to one line. */
function clean(value: string | string[]): string {
  const text = Array.isArray(value) ? value.map((v) => v.trim()).filter((v) => v !== '').join(' ') : value;
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function components(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** N = family;given;additional;prefix;suffix (RFC 6350 §6.2.2): read in Western order. */
function nameFromN(value: string | string[]): string {
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(value);
  return clean([prefix, given, additional, family, suffix]);
}

export function pickFields(props: readonly NamedValue[]): CardFields {
  const first = (name: string, read: (v: string | string[]) => string): string => {
    for (const p of props) {
      if (p.name !== name) continue;
      const text = read(p.value);
      if (text !== '') return text;
    }
    return '';
  };
  const emails = props.filter((p) => p.name === 'email').map((p) => clean(p.value)).filter((v) => v !== '');
  const phones = props
    .filter((p) => p.name === 'tel')
    .map((p) => telToText(clean(p.value)))
    .filter((v) => v !== '');
  // FN is required and meant for display (RFC 6350 §6.2.1); the rest are fall-backs in the order
  // an address book shows them.
  const fullName =
    first('fn', clean) ||
    first('n', nameFromN) ||
    first('org', (v) => components(v).map((c) => clean(c)).find((c) => c !== '') ?? '') ||
    (emails[0] ?? '') ||
    NO_NAME;
  const uid = first('uid', clean);
  return { uid: uid === '' ? null : uid, fullName, emails, phones };
}

/**
 * ical.js values to strings: structured values are arrays whose items may be arrays (lists).
 * ical.js 2 leaves "\;" escaped in a plain text value (FN, EMAIL) although RFC 2426 §4 and
 * RFC 6350 §3.4 make it a semicolon, as Android and sabre/vobject write it: unescaped here.
 */
function asText(value: unknown): string | string[] {
  if (typeof value === 'string') return value.replace(/\\;/g, ';');
  if (!Array.isArray(value)) return '';
  return value.map((v: unknown) => {
    if (typeof v === 'string') return v;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').join(' ') : '';
  });
}

const FIELD_PROPERTIES = ['fn', 'n', 'org', 'email', 'tel', 'uid'];

/** Reads only the properties the fields need: ical.js parses values lazily and can throw on one
 * it dislikes (a 3.0-style REV in a 4.0 card), which must not cost the card its name. */
export function fieldsFromComponent(component: ICAL.Component): CardFields {
  const props: NamedValue[] = [];
  for (const p of component.getAllProperties()) {
    if (!FIELD_PROPERTIES.includes(p.name)) continue;
    let value: unknown;
    try {
      value = p.getFirstValue();
    } catch {
      value = '';
    }
    props.push({ name: p.name, value: asText(value) });
  }
  return pickFields(props);
}
