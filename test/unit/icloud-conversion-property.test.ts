// Property tests of the iCloud converters: random contact and event JSON (astral characters,
// commas, semicolons, backslashes, carets, quotes, newlines and carriage returns, empty strings,
// entries of unexpected shape, unknown fields with any JSON value) → vCard 4.0 / iCalendar →
// read back by ical.js → every field and value back (icloud-json-inverse.ts), the project's own
// readers accept the text, no line is over 75 octets, and the same JSON gives the same text.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { contactToVcard } from '../../src/providers/icloud-web/contact-to-vcard';
import { eventToIcal } from '../../src/providers/icloud-web/event-to-ical';
import { readers } from '../../src/sync/readers';
import { contactFromVcard, eventFromIcal } from './icloud-json-inverse';

const pieces = ['a', 'Zoë', ' ', ',', ';', ':', '\\', '\\n', '\n', '\r\n', '\r', '"', '^', '😀', '𝄞', '中', 'x'.repeat(40), '=', '\t'];
const nasty = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
const text = fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 30 }));
const fieldName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,14}$/);
const labels = fc.option(fc.oneof(fc.constantFrom('HOME', 'WORK', 'MOBILE', 'IPHONE', 'HOME FAX', 'OTHER', '_$!<Mobile>!$_'), text), { nil: undefined });
const entry = (field: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.record({ field, label: labels }, { requiredKeys: ['field'] }),
    fc.record({ field, label: labels, extra: fc.jsonValue({ maxDepth: 1 }) }),
  );
const list = (field: fc.Arbitrary<unknown>) => fc.option(fc.array(entry(field), { maxLength: 3 }), { nil: undefined });
const base64 = fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => Buffer.from([0xff, 0xd8, 0xff, ...b]).toString('base64'));

const known = {
  contactId: fc.oneof(fc.constant('C0A1-000001'), text),
  etag: fc.constantFrom('C=12@U=7d3f', '"C=1@U=x"'),
  isCompany: fc.option(fc.oneof(fc.boolean(), fc.constant('yes')), { nil: undefined }),
  firstName: text, lastName: text, middleName: text, prefix: text, suffix: text, nickName: text,
  companyName: text, department: text, jobTitle: text, notes: text,
  birthday: fc.option(fc.oneof(fc.constantFrom('1990-03-10', '1604-12-25', '--0310', '2020-02-30'), text), { nil: undefined }),
  phones: list(fc.oneof(text, fc.integer())),
  emails: list(text),
  urls: list(fc.oneof(fc.webUrl(), text)),
  addresses: list(fc.oneof(fc.record({ street: text, city: text, postalCode: text, country: text }, { requiredKeys: [] }), text)),
  photo: fc.option(fc.oneof(base64, fc.record({ url: fc.webUrl(), crop: fc.record({ x: fc.nat(), y: fc.nat() }) }), text), { nil: undefined }),
};
const optionalText = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined });
const contact = fc
  .tuple(
    fc.record(Object.fromEntries(Object.entries(known).map(([k, v]) => [k, k === 'contactId' ? v : optionalText(v)]))),
    fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  )
  .map(([fields, unknown]) => JSON.parse(JSON.stringify({ ...unknown, ...fields })) as Record<string, unknown>);

function octets(line: string): number {
  return Buffer.byteLength(line, 'utf8');
}

function expectFolded(out: string): void {
  expect(out.endsWith('\r\n')).toBe(true);
  for (const line of out.slice(0, -2).split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  expect(/\r(?!\n)|(?<!\r)\n/.test(out)).toBe(false);
}

type Json = Record<string, unknown>;

/** The checks both converters share: folded, every field back, the same text from a copy; then `more`. */
function roundTrips(arbitrary: fc.Arbitrary<Json>, write: (json: Json) => string, readBack: (text: string) => Json, more: (json: Json, text: string) => void, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (json) => {
      const text = write(json);
      expectFolded(text);
      expect(readBack(text)).toEqual(json);
      expect(write(JSON.parse(JSON.stringify(json)) as Json)).toBe(text);
      more(json, text);
    }),
    { numRuns },
  );
}

describe('iCloud contact JSON → vCard 4.0', () => {
  it('gives back every field through ical.js, reads in the project reader, folds at 75 octets, is deterministic', () => {
    roundTrips(contact, contactToVcard, contactFromVcard, (_json, vcard) => expect(readers.addressbook.read(vcard).ok).toBe(true), 300);
  }, 60_000);
});

const appleDate = fc
  .record({ year: fc.integer({ min: 1901, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
  .map(({ year, month, day, hour, minute }) => [`${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`, year, month, day, hour, minute, hour * 60 + minute]);
const event = fc
  .tuple(
    fc.record({
      guid: fc.oneof(fc.constant('EV-1'), text),
      pGuid: fc.constant('home'),
      title: optionalText(text), location: optionalText(text), description: optionalText(text),
      url: optionalText(fc.oneof(fc.webUrl(), text)),
      transparent: optionalText(fc.boolean()),
      allDay: optionalText(fc.boolean()),
      tz: optionalText(fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC', 'floating', 'Not/AZone', '')),
      duration: optionalText(fc.nat(2000)),
      startDate: optionalText(fc.oneof(appleDate, fc.jsonValue({ maxDepth: 1 }))),
      endDate: optionalText(appleDate),
      lastModifiedDate: optionalText(appleDate),
    }),
    fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  )
  .map(([fields, unknown]) => JSON.parse(JSON.stringify({ ...unknown, ...fields })) as Record<string, unknown>);

describe('iCloud event JSON → iCalendar', () => {
  it('gives back every field through ical.js, reads in the project reader, folds at 75 octets, is deterministic', () => {
    roundTrips(event, eventToIcal, eventFromIcal, (json, ics) => {
      if (Array.isArray(json.startDate) && typeof json.startDate[1] === 'number') expect(readers.calendar.read(ics).ok).toBe(true);
      const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!;
      const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time | null;
      if (start && Array.isArray(json.startDate)) expect([start.year, start.month, start.day]).toEqual(json.startDate.slice(1, 4));
    }, 200);
  }, 60_000);
});
