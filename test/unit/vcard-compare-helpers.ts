// Judging an export with a parser that is not the exporter's: ical.js reads both texts into
// jCal (RFC 7095), and the cards are compared property by property, in order, with only what
// the vCard RFCs call equivalent made equal (not a test file itself):
//   - names and groups are case-insensitive (RFC 6350 §3.3);
//   - parameter order means nothing, TYPE="a,b" is TYPE=a,b (RFC 6350 §5.6), and the token
//     values of TYPE, ENCODING and VALUE are case-insensitive (RFC 6350 §5, RFC 2425 §5.8.2);
//   - dates and times in ISO 8601 basic or extended format are the same date (RFC 2425 §5.8.4
//     allows both in 3.0; RFC 6350 §4.3 only the basic one), with or without ":00" seconds;
//   - VERSION is left out: it is what a conversion changes.
import ICAL from 'ical.js';
import { readCard } from '../../src/cards/read-card';
import { legacyRewrite, needsLegacyRewrite } from '../../src/cards/legacy-vcard';
import { rewriteCard } from '../../src/cards/rewrite-card';

export interface JudgedProperty {
  group: string | null;
  name: string;
  params: Record<string, string[]>;
  valueType: string;
  values: unknown[];
}

function paramList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v));
}

function normalParams(raw: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'group') continue;
    let values = paramList(value);
    if (key === 'type') values = values.flatMap((v) => v.split(',')).map((v) => v.toLowerCase()).sort();
    if (key === 'encoding' || key === 'value') values = values.map((v) => v.toLowerCase());
    out[key] = values;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const DATE_PROPERTIES = new Set(['bday', 'anniversary', 'rev', 'deathdate']);

/** One spelling for an ISO 8601 date or date-time: basic format, seconds written. */
function sameDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{4}|--)-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value);
  if (m === null) return value;
  const [, y, mo, d, hh, mm, ss, zone] = m;
  const time = hh === undefined ? '' : `T${hh}${mm}${ss ?? '00'}${(zone ?? '').replace(':', '')}`;
  return `${y}${mo}${d}${time}`;
}

/** Every property of the one card in `text`, as ical.js reads it. Throws when it cannot. */
export function judgeCard(text: string): JudgedProperty[] {
  const jcal = ICAL.parse(text) as unknown as [string, [string, Record<string, unknown>, string, ...unknown[]][], unknown[]];
  return jcal[1]
    .filter(([name]) => name !== 'version')
    .map(([name, params, valueType, ...values]) => ({
      group: typeof params.group === 'string' ? params.group.toLowerCase() : null,
      name: name.toLowerCase(),
      params: normalParams(params),
      valueType,
      values: DATE_PROPERTIES.has(name.replace(/^(x-)+/, '')) ? values.map(sameDate) : values,
    }));
}

/** The text ical.js can read for a stored card: vCard 2.1 habits rewritten, nothing else. */
export function readableByIcal(raw: string): string {
  const read = readCard(raw);
  if (!read.ok) throw new Error(read.reason);
  const rewrite = needsLegacyRewrite(read.card) ? legacyRewrite(read.card.version === '2.1') : null;
  return `${rewriteCard(read.card, rewrite).join('\r\n')}\r\n`;
}

/** The bytes of an inline binary value in either version's form, as hex; null when not inline. */
export function inlineBytes(property: JudgedProperty): string | null {
  const value = property.values[0];
  if (typeof value !== 'string') return null;
  let base64: string | null = null;
  if ((property.params.encoding ?? []).some((e) => /^(b|base64)$/i.test(e))) {
    base64 = value;
  } else {
    const m = /^data:[^,]*;base64,(.*)$/is.exec(value.replace(/\\(.)/g, '$1'));
    if (m !== null) base64 = m[1] ?? '';
  }
  return base64 === null ? null : Buffer.from(base64.replace(/\s+/g, ''), 'base64').toString('hex');
}

/** Every inline binary of a card, by property name, in order. */
export function inlineBinaries(text: string): { name: string; hex: string }[] {
  return judgeCard(text).flatMap((p) => {
    const hex = inlineBytes(p);
    return hex === null ? [] : [{ name: p.name, hex }];
  });
}
