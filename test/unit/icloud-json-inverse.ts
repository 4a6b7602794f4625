// The way back from the vCard and iCalendar text written from iCloud's JSON to that JSON, read
// by ical.js (a parser that is not the writer): what the property tests compare with the JSON
// they generated, so "nothing lost" is checked field by field. Derived properties (FN, DTSTART,
// DTEND, DURATION, DTSTAMP, the VTIMEZONE) are left out: their fields are kept elsewhere.
import ICAL from 'ical.js';
import { unescapeText } from '../../src/cards/text-values';

type Json = Record<string, unknown>;

const LABEL_PARAM = 'x-icloud-label';

/** An X-ICLOUD- property's field and value, the value unescaped here (ical.js keeps an unknown property's value as written). */
function kept(property: ICAL.Property, out: Json): boolean {
  if (!property.name.startsWith('x-icloud-')) return false;
  const field = property.getParameter('x-field');
  if (typeof field !== 'string') throw new Error(`${property.name} without X-FIELD`);
  out[field] = JSON.parse(unescapeText(String(property.getFirstValue())));
  return true;
}

function labelled(property: ICAL.Property, field: unknown): Json {
  const label = property.getParameter(LABEL_PARAM);
  return typeof label === 'string' ? { field, label } : { field };
}

function push(out: Json, field: string, entry: unknown): void {
  out[field] = [...((out[field] as unknown[] | undefined) ?? []), entry];
}

const parts = (value: unknown, n: number): string[] => {
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  while (list.length < n) list.push('');
  return list;
};

export function contactFromVcard(text: string): Json {
  const out: Json = {};
  const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const p of card.getAllProperties()) {
    if (kept(p, out)) continue;
    const value = p.getFirstValue();
    switch (p.name) {
      case 'uid': out.contactId = value; break;
      case 'kind': out.isCompany = value === 'org'; break;
      case 'n': parts(value, 5).forEach((v, i) => v && (out[['lastName', 'firstName', 'middleName', 'prefix', 'suffix'][i]!] = v)); break;
      case 'org': parts(value, 2).forEach((v, i) => v && (out[['companyName', 'department'][i]!] = v)); break;
      case 'nickname': out.nickName = p.getValues().join(','); break;
      case 'title': out.jobTitle = value; break;
      case 'note': out.notes = value; break;
      case 'bday': out.birthday = String(value); break;
      case 'tel': push(out, 'phones', labelled(p, value)); break;
      case 'email': push(out, 'emails', labelled(p, value)); break;
      case 'url': push(out, 'urls', labelled(p, value)); break;
      case 'photo': out.photo = String(value).replace(/^data:[^,]*,/, ''); break;
      case 'adr': {
        const [, , street, city, state, postalCode, country] = parts(value, 7);
        const field = Object.fromEntries(Object.entries({ street, city, state, postalCode, country }).filter(([, v]) => v));
        push(out, 'addresses', labelled(p, field));
        break;
      }
      case 'version': case 'fn': break;
      default: throw new Error(`unexpected property ${p.name}`);
    }
  }
  return out;
}

export function eventFromIcal(text: string): Json {
  const out: Json = {};
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) throw new Error(`${events.length} VEVENTs`);
  for (const p of events[0]!.getAllProperties()) {
    if (kept(p, out)) continue;
    const value = p.getFirstValue();
    switch (p.name) {
      case 'uid': out.guid = value; break;
      case 'summary': out.title = value; break;
      case 'location': out.location = value; break;
      case 'description': out.description = value; break;
      case 'url': out.url = value; break;
      case 'transp': out.transparent = value === 'TRANSPARENT'; break;
      case 'dtstart': case 'dtend': case 'duration': case 'dtstamp': break;
      default: throw new Error(`unexpected property ${p.name}`);
    }
  }
  return out;
}
