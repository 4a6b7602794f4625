// A Graph contact as a vCard 4.0 (RFC 6350), built with ical.js. Every field with a vCard
// property gets one; the whole original JSON rides along as X-MS-GRAPH-JSON (RFC 6350 §6.10
// extension property), so fields without one (spouseName, children, yomi names, …) are kept.
import ICAL from 'ical.js';
import type { GraphAddress, GraphContact } from './graph-types';

type Params = Record<string, string>;

function add(card: ICAL.Component, name: string, value: string | string[] | null | undefined, params: Params = {}): void {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.every((v) => !v))) return;
  const property = new ICAL.Property(name, card);
  // An extension property's value is TEXT (RFC 6350 §6.10): escaped, so it reads back exactly.
  if (name.startsWith('x-')) property.resetType('text');
  for (const [key, param] of Object.entries(params)) property.setParameter(key, param);
  // CATEGORIES is a list (comma-separated, RFC 6350 §6.7.1); N, ADR and ORG are structured (';').
  if (Array.isArray(value) && name === 'categories') property.setValues(value);
  else property.setValue(value);
  card.addProperty(property);
}

function address(card: ICAL.Component, type: string, a: GraphAddress | undefined): void {
  if (!a || !Object.values(a).some(Boolean)) return;
  add(card, 'adr', ['', '', a.street ?? '', a.city ?? '', a.state ?? '', a.postalCode ?? '', a.countryOrRegion ?? ''], { type });
}

/** Graph's birthday is a DateTimeOffset (e.g. 1980-04-15T11:59:00Z); the date is what it means. */
function birthday(value: string | null | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

export function contactToVcard(contact: GraphContact): string {
  const card = new ICAL.Component('vcard');
  add(card, 'version', '4.0');
  add(card, 'uid', contact.id);
  const name = [contact.givenName, contact.middleName, contact.surname].filter(Boolean).join(' ');
  const email = contact.emailAddresses?.find((e) => e.address)?.address;
  add(card, 'fn', contact.displayName || name || contact.companyName || email || contact.id);
  add(card, 'n', [contact.surname ?? '', contact.givenName ?? '', contact.middleName ?? '', contact.title ?? '', contact.generation ?? '']);
  add(card, 'nickname', contact.nickName);
  add(card, 'org', contact.companyName || contact.department ? [contact.companyName ?? '', contact.department ?? ''] : null);
  add(card, 'title', contact.jobTitle);
  add(card, 'role', contact.profession);
  const bday = birthday(contact.birthday);
  if (bday) add(card, 'bday', bday, { value: 'date' });
  for (const e of contact.emailAddresses ?? []) add(card, 'email', e.address, e.name ? { 'x-name': e.name } : {});
  for (const tel of contact.businessPhones ?? []) add(card, 'tel', tel, { type: 'work,voice' });
  for (const tel of contact.homePhones ?? []) add(card, 'tel', tel, { type: 'home,voice' });
  add(card, 'tel', contact.mobilePhone, { type: 'cell' });
  for (const im of contact.imAddresses ?? []) add(card, 'impp', im);
  address(card, 'home', contact.homeAddress);
  address(card, 'work', contact.businessAddress);
  address(card, 'other', contact.otherAddress);
  add(card, 'url', contact.businessHomePage, { type: 'work' });
  add(card, 'categories', contact.categories?.length ? contact.categories : null);
  add(card, 'note', contact.personalNotes);
  add(card, 'rev', contact.lastModifiedDateTime ? contact.lastModifiedDateTime.replace(/\.\d+/, '') : null);
  add(card, 'x-ms-graph-json', JSON.stringify(contact));
  return card.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
