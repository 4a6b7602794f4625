// Offsets from a VTIMEZONE and from the browser's IANA data, across DST changes, with the
// readings RFC 5545 §3.3.5 prescribes for the skipped and the repeated hour.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { objectZones } from '../../src/calendars/object-zones';
import { parseComponent } from '../../src/calendars/parse-component';
import { formatTime, timeFromIcal } from '../../src/calendars/time-values';
import { intlZone } from '../../src/calendars/intl-zone';
import { offsetForWall, type Zone } from '../../src/calendars/timezones';
import { zoneOfVtimezone } from '../../src/calendars/vtimezone-zone';
import { wallFromParts } from '../../src/calendars/wall-time';
import { loadFixtures } from './calendar-helpers';

const fixtures = loadFixtures();
const calendarOf = (name: string) => parseComponent(fixtures.find((f) => f.name === name)?.raw ?? '');

function vtimezone(fixture: string): Zone {
  const component = calendarOf(fixture).getFirstSubcomponent('vtimezone');
  const zone = component && zoneOfVtimezone(component);
  if (!zone) throw new Error(`no zone in ${fixture}`);
  return zone;
}

const wall = (iso: string): number => {
  const [date = '', time = ''] = iso.split('T');
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  return wallFromParts({ year, month, day, hour, minute, second });
};

describe.each([
  ['VTIMEZONE Europe/Berlin', () => vtimezone('dst-gap')],
  ['Intl Europe/Berlin', () => intlZone('Europe/Berlin')],
])('%s', (_name, zoneOf) => {
  const zone = zoneOf();
  const offsetOf = (iso: string) => (zone === null ? NaN : offsetForWall(zone, wall(iso)) / 3600);

  it('is +1 in winter and +2 in summer', () => {
    expect(offsetOf('2024-01-15T12:00:00')).toBe(1);
    expect(offsetOf('2024-07-15T12:00:00')).toBe(2);
  });

  it('reads the skipped hour with the offset before the gap (§3.3.5)', () => {
    expect(offsetOf('2024-03-31T01:59:59')).toBe(1);
    expect(offsetOf('2024-03-31T02:30:00')).toBe(1);
    expect(offsetOf('2024-03-31T03:00:00')).toBe(2);
  });

  it('reads the repeated hour as its first occurrence (§3.3.5)', () => {
    expect(offsetOf('2024-10-27T01:59:59')).toBe(2);
    expect(offsetOf('2024-10-27T02:30:00')).toBe(2);
    expect(offsetOf('2024-10-27T03:00:00')).toBe(1);
  });

  it('changes at the instant of the transition', () => {
    if (zone === null) throw new Error('no zone');
    const change = Date.UTC(2024, 2, 31, 1) / 1000; // 01:00 UTC, last Sunday of March
    expect(zone.offsetAt(change - 1)).toBe(3600);
    expect(zone.offsetAt(change)).toBe(7200);
  });
});

describe('a VTIMEZONE and the IANA data agree', () => {
  it('for New York on every day of 2024 at 01:30 and 12:00', () => {
    const fromObject = vtimezone('recurring-dst-overrides');
    const fromIntl = intlZone('America/New_York');
    if (fromIntl === null) throw new Error('no IANA data');
    for (let day = 0; day < 366; day++) {
      for (const hour of [1.5, 12]) {
        const w = wallFromParts({ year: 2024, month: 1, day: 1 + day, hour: 0, minute: 0, second: 0 }) + hour * 3600;
        expect(offsetForWall(fromObject, w)).toBe(offsetForWall(fromIntl, w));
      }
    }
  });
});

describe('a recurring series across the DST change', () => {
  it('reads each override with the offset of its own date', () => {
    const vcalendar = calendarOf('recurring-dst-overrides');
    const zones = objectZones(vcalendar);
    const starts = vcalendar.getAllSubcomponents('vevent').map((event) => {
      const prop = event.getFirstProperty('dtstart');
      const value = prop?.getFirstValue();
      const tzid = prop?.getParameter('tzid');
      if (!(value instanceof ICAL.Time) || typeof tzid !== 'string') return null;
      return formatTime(timeFromIcal(value, tzid, zones));
    });
    expect(starts).toEqual(['2024-11-01T09:00:00-04:00', '2024-11-08T11:00:00-05:00', '2024-11-22T09:00:00-05:00']);
  });
});

describe('TZIDs without a VTIMEZONE', () => {
  it('use the IANA zone of that name, also inside a Mozilla path', () => {
    expect(intlZone('America/New_York')).not.toBeNull();
    expect(intlZone('/mozilla.org/20070129_1/Europe/Paris')?.offsetAt(Date.UTC(2024, 0, 1) / 1000)).toBe(3600);
  });

  it('are floating when the name is no IANA zone', () => {
    expect(intlZone('W. Europe Standard Time')).toBeNull();
    expect(intlZone('Custom Zone')).toBeNull();
  });
});

describe('a VTIMEZONE far from today', () => {
  const zone = vtimezone('dst-gap'); // observances from 1970

  it('before its first observance, keeps the offset that observance starts from', () => {
    expect(offsetForWall(zone, wall('1960-07-01T12:00:00'))).toBe(3600);
  });

  it('in the year 9999, follows its rules, without expanding 8,000 years of them', () => {
    const started = performance.now();
    expect(offsetForWall(zone, wall('9999-07-01T12:00:00'))).toBe(7200);
    expect(offsetForWall(zone, wall('9999-12-01T12:00:00'))).toBe(3600);
    expect(offsetForWall(zone, wall('2124-03-26T02:30:00'))).toBe(3600); // last Sunday of March
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
