// The .ics export checks with ical.js only the objects the calendar reader did not read whole
// when they were stored (exporters/ical-export.ts `parsedWhenStored`): an object ical.js refuses
// is still kept out of the one VCALENDAR (and copied as served after it).
import { describe, expect, it } from 'vitest';
import { freshDb, addTestAccount } from '../support/test-db';
import { storeItems } from '../../src/db/mirror-writes';
import { readers } from '../../src/sync/readers';
import { buildExport } from '../../src/exporters/build-export';
import type { CollectionRecord } from '../../src/model/collection';

const event = (uid: string, dtstart: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', dtstart, `SUMMARY:${uid}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const GOOD = event('good', 'DTSTART:20250301T100000Z');
// ical.js reads a PERIOD value eagerly and throws on this one (RFC 5545 §3.3.9).
const REFUSED = event('refused', 'DTSTART;VALUE=PERIOD:x');

describe('the parse verdict kept with each stored object', () => {
  it('keeps an object ical.js refused when it was stored out of the calendar', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const calendar = { id: 'acct|cal', accountId: 'acct', kind: 'calendar', href: '/cal/', displayName: 'Cal', enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
    await db.collections.put(calendar);
    const fetched = [GOOD, REFUSED].map((raw, n) => {
      const read = readers.calendar.read(raw);
      if (!read.ok) throw new Error(read.reason);
      return { ...read.fields, href: `${n}.ics`, etag: '"1"', raw };
    });
    expect(fetched[1]?.degraded).toBe('parser-refused');
    await storeItems(db, calendar, fetched, 1);
    const file = await buildExport(db, 'calendars', {}, new Date());
    // Kept, but outside the one VCALENDAR, copied as served after it (export-tally.ts).
    const [calendarPart, after] = file.text.split('END:VCALENDAR\r\n');
    expect(calendarPart).toContain('UID:good');
    expect(calendarPart).not.toContain('UID:refused');
    expect(after).toContain('UID:refused');
    expect(file).toMatchObject({ count: 2, keptAsServed: 1 });
  });
});
