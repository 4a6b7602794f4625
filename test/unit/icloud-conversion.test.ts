// The iCloud converters on examples a reader of docs/ACCOUNTS.md would check: which property a
// field becomes, the photo (inline bytes as a data: URI, an address kept and never fetched),
// all-day and zoned events, a zone the tz database does not know, key order not changing the
// text, and the windows the whole calendar is read in.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventWindows } from '../../src/providers/icloud-web/calendar-client';
import { contactToVcard } from '../../src/providers/icloud-web/contact-to-vcard';
import { eventToIcal } from '../../src/providers/icloud-web/event-to-ical';
import { ListingCache, listedItems } from '../../src/providers/icloud-web/listed-items';
import { readers } from '../../src/sync/readers';
import { appleDate } from '../harness/icloud/calendar-routes';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('iCloud contact → vCard 4.0', () => {
  const ada = {
    contactId: 'C0A1-1', etag: 'C=9@U=C0A1-1', firstName: 'Ada', lastName: 'Lovelace', prefix: 'Countess', companyName: 'Analytical Engines', department: 'Notes',
    jobTitle: 'Analyst', birthday: '1815-12-10', isCompany: false, notes: 'Note G; Bernoulli numbers, 1843',
    phones: [{ field: '+44 20 7946 0000', label: 'MOBILE' }, { field: '+44 20 7946 0001', label: '_$!<Other>!$_' }],
    emails: [{ field: 'ada@example.org', label: 'HOME' }], urls: [{ field: 'https://example.org/ada', label: 'HOMEPAGE' }],
    addresses: [{ label: 'HOME', field: { street: '12 St James\'s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'United Kingdom' } }],
    relatedNames: [{ field: 'Lord Byron', label: 'FATHER' }],
  };

  it('maps each known field to its property and keeps the rest as X-ICLOUD-', () => {
    const text = contactToVcard(ada);
    const lines = unfold(text).split('\r\n');
    expect(lines).toEqual(expect.arrayContaining([
      'UID:C0A1-1', 'KIND:individual', 'FN:Countess Ada Lovelace', 'N:Lovelace;Ada;;Countess;', 'ORG:Analytical Engines;Notes', 'TITLE:Analyst',
      'BDAY;VALUE=date:18151210', 'TEL;VALUE=text;TYPE=cell;X-ICLOUD-LABEL=MOBILE:+44 20 7946 0000',
      'TEL;VALUE=text;X-ICLOUD-LABEL=_$!<Other>!$_:+44 20 7946 0001', 'EMAIL;TYPE=home;X-ICLOUD-LABEL=HOME:ada@example.org',
      'ADR;TYPE=home;X-ICLOUD-LABEL=HOME:;;12 St James\'s Square;London;;SW1Y 4JH;United Kingdom', 'URL;X-ICLOUD-LABEL=HOMEPAGE:https://example.org/ada',
      'NOTE:Note G; Bernoulli numbers\\, 1843', 'X-ICLOUD-ETAG;X-FIELD=etag:"C=9@U=C0A1-1"',
      'X-ICLOUD-RELATEDNAMES;X-FIELD=relatedNames:[{"field":"Lord Byron"\\,"label":"FATHER"}]',
    ]));
    const read = readers.addressbook.read(text);
    expect(read.ok && read.fields.title).toBe('Countess Ada Lovelace');
  });

  it('writes inline photo bytes as a data: URI and keeps a photo address without fetching it', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64');
    expect(contactToVcard({ contactId: 'p', photo: jpeg })).toContain(`PHOTO:data:image/jpeg;base64,${jpeg}`);
    const byAddress = unfold(contactToVcard({ contactId: 'p', photo: { url: 'https://p01-contacts.icloud.com/photo/1', crop: { x: 0, y: 0 } } }));
    expect(byAddress).not.toContain('PHOTO:');
    expect(byAddress).toContain('X-ICLOUD-PHOTO;X-FIELD=photo:{"crop":{"x":0\\,"y":0}\\,"url":"https://p01-contacts.icloud.com/photo/1"}');
  });

  it('keeps a field of unexpected shape whole, and gives the same text whatever the key order', () => {
    const odd = { contactId: 'o', phones: [{ field: 5551234, label: 'HOME' }], firstName: '' };
    const text = unfold(contactToVcard(odd));
    expect(text).toContain('X-ICLOUD-PHONES;X-FIELD=phones:[{"field":5551234\\,"label":"HOME"}]');
    expect(text).toContain('X-ICLOUD-FIRSTNAME;X-FIELD=firstName:""');
    expect(contactToVcard({ firstName: '', phones: odd.phones, contactId: 'o' })).toBe(contactToVcard(odd));
  });
});

describe('iCloud event → iCalendar', () => {
  const timed = { guid: 'EV-1', pGuid: 'home', title: 'Standup', tz: 'America/New_York', allDay: false, duration: 15, startDate: appleDate('2025-03-09T09:00', true), endDate: appleDate('2025-03-09T09:15', false), etag: 'C=4@U=EV-1' };

  it('writes a zoned event with its VTIMEZONE, read by the project reader and ical.js', () => {
    const text = eventToIcal(timed);
    expect(text).toContain('DTSTART;TZID=America/New_York:20250309T090000');
    expect(text).toContain('DTEND;TZID=America/New_York:20250309T091500');
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const start = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstart') as ICAL.Time;
    start.zone = zone;
    // 9:00 EDT, the day clocks went forward: 13:00 UTC.
    expect(start.toUnixTime()).toBe(Date.UTC(2025, 2, 9, 13) / 1000);
    const read = readers.calendar.read(text);
    expect(read.ok && read.fields.title).toBe('Standup');
  });

  it('writes an all-day event as DATE values, its end the next day at least', () => {
    const text = eventToIcal({ guid: 'EV-2', tz: 'floating', allDay: true, startDate: appleDate('2025-07-14T00:00', true), endDate: appleDate('2025-07-14T00:00', false) });
    expect(text).toContain('DTSTART;VALUE=DATE:20250714\r\nDTEND;VALUE=DATE:20250715');
    expect(text).not.toContain('VTIMEZONE');
  });

  it('writes a zone the tz database does not know as floating time, the zone kept', () => {
    const text = eventToIcal({ ...timed, tz: 'Mars/Olympus_Mons' });
    expect(text).toContain('DTSTART:20250309T090000\r\n');
    expect(text).toContain('X-ICLOUD-TZ;X-FIELD=tz:"Mars/Olympus_Mons"');
  });
});

describe('the calendar windows and the listing held for the fetches', () => {
  it('reads everything before 2000 in one window, then a year at a time to ten years ahead', () => {
    const windows = eventWindows(2026);
    expect(windows[0]).toEqual(['1900-01-01', '1999-12-31']);
    expect(windows.at(-1)).toEqual(['2036-01-01', '2036-12-31']);
    expect(windows).toHaveLength(1 + 37);
  });

  it('hands each item over once and holds at most four listings', async () => {
    const cache = new ListingCache();
    for (let n = 0; n < 6; n++) cache.hold(`https://c/${n}/`, await listedItems(`https://c/${n}/`, [{ contactId: 'a', etag: 'e' }, { contactId: 'b' }], 'contactId', 'vcf'));
    expect(cache.size).toBe(8);
    expect(cache.take('https://c/0/', 'https://c/0/a.vcf')).toBeUndefined();
    const b = cache.take('https://c/5/', 'https://c/5/b.vcf');
    expect(b?.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(cache.take('https://c/5/', 'https://c/5/b.vcf')).toBeUndefined();
  });
});
