// An iCloud contact (the JSON of the contacts web service's /co/contacts) as a vCard 4.0
// (RFC 6350), losing nothing: a field goes to its standard property only where that property
// gives back exactly the same value (docs/ACCOUNTS.md has the table); every other field, and any
// field whose value has another shape than expected, is kept whole as an X-ICLOUD- property
// (kept-fields.ts). The same JSON always gives the same text, so an unchanged contact never
// shows as changed. The photo is written inline only when the JSON holds its bytes; an address
// is kept as it is and never fetched (SECURITY.md: never fetch remote URLs found in user data).
import { keptLines } from './kept-fields';
import { isText, isUriText, joinLines, rawLine, structuredLine, textLine, type LineParams } from './text-lines';

type Json = Record<string, unknown>;


/**
 * A label a parameter gives back exactly: parameters have no backslash escape (RFC 6350 §3.3),
 * yet ical.js reads "\n" in one as a newline; newlines are written as RFC 6868's "^n".
 */
function isParamText(value: unknown): value is string {
  return isText(value) && !value.includes('\\');
}

/**
 * A component of N, ADR or ORG given back exactly: ical.js splits those values at every ";"
 * after a backslash test that does not count backslashes, so a component ending with one ("\\\\;"
 * written) would run into the next.
 */
function isPart(value: unknown): value is string {
  return isText(value) && !value.endsWith('\\');
}

const NAME_PARTS = ['lastName', 'firstName', 'middleName', 'prefix', 'suffix'] as const; // N's order, RFC 6350 §6.2.2
const ORG_PARTS = ['companyName', 'department'] as const;
const ADDRESS_PARTS = ['street', 'city', 'state', 'postalCode', 'country'] as const; // ADR's 3rd to 7th components, §6.3.1
const SINGLE_TEXT = { nickName: 'NICKNAME', jobTitle: 'TITLE', notes: 'NOTE' } as const;

/** iCloud's labels that name a vCard TYPE (RFC 6350 §6.4.1); the label itself is kept as X-ICLOUD-LABEL. */
const LABEL_TYPES: Record<string, string> = {
  HOME: 'home', WORK: 'work', MOBILE: 'cell', IPHONE: 'cell', MAIN: 'voice', 'HOME FAX': 'home,fax', 'WORK FAX': 'work,fax', PAGER: 'pager',
};
export const LABEL_PARAM = 'X-ICLOUD-LABEL';

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function labelParams(label: string | undefined): LineParams {
  if (label === undefined) return [];
  const type = LABEL_TYPES[label.toUpperCase()];
  return type ? [['TYPE', type], [LABEL_PARAM, label]] : [[LABEL_PARAM, label]];
}

/** `[{field, label?}]` whose every entry a line gives back exactly (`check` judges the field). */
function labelledList(value: unknown, check: (field: unknown) => boolean): Array<{ field: string; label?: string }> | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return null;
    const { field, label, ...rest } = entry as Json;
    if (Object.keys(rest).length > 0 || !check(field) || (label !== undefined && !isParamText(label))) return null;
  }
  return value as Array<{ field: string; label?: string }>;
}

function addressList(value: unknown): Array<{ label?: string; field: Record<string, string> }> | null {
  return labelledList(value, (field) => {
    if (typeof field !== 'object' || field === null || Array.isArray(field)) return false;
    const keys = Object.keys(field);
    return keys.length > 0 && keys.every((key) => (ADDRESS_PARTS as readonly string[]).includes(key) && isPart((field as Json)[key]));
  }) as Array<{ label?: string; field: Record<string, string> }> | null;
}

/** The media type of base64 image bytes from their first bytes (JPEG FF D8 FF, PNG, GIF), else none. */
function photoType(base64: string): string {
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
  if (base64.startsWith('R0lGOD')) return 'image/gif';
  return 'application/octet-stream';
}

export function contactToVcard(contact: Json): string {
  const mapped = new Set<string>();
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0'];
  const take = (field: string, check: (value: unknown) => boolean): boolean => {
    if (!check(contact[field])) return false;
    mapped.add(field);
    return true;
  };

  if (take('contactId', isText)) lines.push(textLine('UID', contact.contactId as string));
  if (take('isCompany', (v) => typeof v === 'boolean')) lines.push(rawLine('KIND', contact.isCompany ? 'org' : 'individual'));
  const parts = NAME_PARTS.map((part) => (take(part, isPart) ? (contact[part] as string) : ''));
  const org = ORG_PARTS.map((part) => (take(part, isPart) ? (contact[part] as string) : ''));
  lines.push(textLine('FN', formattedName(contact, parts, org[0]!)));
  if (parts.some(Boolean)) lines.push(structuredLine('N', parts));
  for (const [field, property] of Object.entries(SINGLE_TEXT)) if (take(field, isText)) lines.push(textLine(property, contact[field] as string));
  if (org.some(Boolean)) lines.push(structuredLine('ORG', org[1] ? org : [org[0]!]));
  const birthday = typeof contact.birthday === 'string' ? DAY.exec(contact.birthday) : null;
  if (birthday && take('birthday', () => true)) lines.push(rawLine('BDAY', `${birthday[1]}${birthday[2]}${birthday[3]}`, [['VALUE', 'date']]));

  const phones = labelledList(contact.phones, isText);
  if (phones && take('phones', () => true)) for (const p of phones) lines.push(textLine('TEL', p.field, [['VALUE', 'text'], ...labelParams(p.label)]));
  const emails = labelledList(contact.emails, isText);
  if (emails && take('emails', () => true)) for (const e of emails) lines.push(textLine('EMAIL', e.field, labelParams(e.label)));
  const addresses = addressList(contact.addresses);
  if (addresses && take('addresses', () => true)) {
    for (const a of addresses) lines.push(structuredLine('ADR', ['', '', ...ADDRESS_PARTS.map((part) => a.field[part] ?? '')], labelParams(a.label)));
  }
  const urls = labelledList(contact.urls, isUriText);
  if (urls && take('urls', () => true)) for (const u of urls) lines.push(rawLine('URL', u.field, labelParams(u.label)));
  // Bytes given inline become a data: URI (RFC 6350 §6.2.4 and RFC 2397); an address or an
  // object (a URL with a crop) is kept as X-ICLOUD-PHOTO and never fetched.
  if (take('photo', (v) => typeof v === 'string' && v.length > 0 && BASE64.test(v))) {
    lines.push(rawLine('PHOTO', `data:${photoType(contact.photo as string)};base64,${contact.photo as string}`));
  }
  lines.push(...keptLines(contact, mapped, 'card'), 'END:VCARD');
  return joinLines(lines);
}

/** FN is required (RFC 6350 §6.2.1): the name in reading order, else the company, an address, the id. */
function formattedName(contact: Json, [last, first, middle, prefix, suffix]: string[], company: string): string {
  const name = [prefix, first, middle, last, suffix].filter(Boolean).join(' ');
  const firstOf = (list: unknown) => (Array.isArray(list) ? list.map((e) => (e as Json | null)?.field).find(isText) : undefined);
  const fallback = [name, company, firstOf(contact.emails), firstOf(contact.phones), contact.contactId].find(isText);
  return fallback ?? '';
}
