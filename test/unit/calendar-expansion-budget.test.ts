// The per-item cap on time zone expansion: a VTIMEZONE whose rules would cost more than
// EXPANSION_CAP occurrences is never expanded; the item is read with floating times and flagged.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { EXPANSION_CAP, occurrencesPerYear, vtimezoneCost } from '../../src/calendars/expansion-budget';
import { parseComponent } from '../../src/calendars/parse-component';
import { calendarReader } from '../../src/sync/readers/calendar-reader';
import { loadFixtures } from './calendar-helpers';
import { hostileEvent } from './calendar-hostile';

const vtimezoneOf = (raw: string) => (raw.startsWith('BEGIN:VTIMEZONE') ? parseComponent(raw) : parseComponent(raw).getFirstSubcomponent('vtimezone')!);

describe('the expansion budget', () => {
  it('flags an event whose VTIMEZONE recurs hourly from 1601, and shows its times floating', () => {
    const raw = hostileEvent(1);
    expect(vtimezoneCost(vtimezoneOf(raw))).toBeGreaterThan(EXPANSION_CAP);
    expect(calendarReader.read(raw)).toEqual({
      ok: true,
      fields: {
        kind: 'event',
        uid: 'hostile-1@example.org',
        title: 'Hostile 1',
        start: '2026-03-15T09:00:00',
        end: '2026-03-15T10:00:00',
        allDay: false,
        recurring: false,
        degraded: 'timezone-too-complex',
      },
    });
  });

  it('flags other costly rules too: every 7 minutes, every day with 24 hours, hourly with a COUNT over the cap', () => {
    for (const rule of ['FREQ=MINUTELY;INTERVAL=7', 'FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23', `FREQ=HOURLY;COUNT=${EXPANSION_CAP * 2}`]) {
      const reading = calendarReader.read(hostileEvent(2, rule));
      expect(reading.ok && reading.fields.degraded).toBe('timezone-too-complex');
    }
  });

  it('is the item\'s budget: two definitions within the cap each, over it together, are refused together', () => {
    // Weekly from 2446: 55 years × 53 = 2,915 occurrences each; both are used by the event.
    const zone = (tzid: string) =>
      `BEGIN:VTIMEZONE\r\nTZID:${tzid}\r\nBEGIN:STANDARD\r\nDTSTART:24460101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=WEEKLY\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n`;
    const raw = hostileEvent(4, 'FREQ=YEARLY')
      .replace('BEGIN:VTIMEZONE', `${zone('A')}${zone('B')}BEGIN:VTIMEZONE`)
      .replace(/DTSTART;TZID=Hostile\/Zone-4/, 'DTSTART;TZID=A')
      .replace(/DTEND;TZID=Hostile\/Zone-4/, 'DTEND;TZID=B');
    expect(vtimezoneCost(vtimezoneOf(zone('A')))).toBeLessThan(EXPANSION_CAP);
    const reading = calendarReader.read(raw);
    expect(reading.ok && reading.fields.degraded).toBe('timezone-too-complex');
    const one = calendarReader.read(raw.replace('DTEND;TZID=B', 'DTEND;TZID=A'));
    expect(one.ok && one.fields.degraded).toBeUndefined();
  });

  it('lets a short hourly rule through (COUNT within the cap), and every real-world fixture', () => {
    const reading = calendarReader.read(hostileEvent(3, 'FREQ=HOURLY;COUNT=24'));
    expect(reading.ok && reading.fields).toMatchObject({ start: '2026-03-15T09:00:00+02:00' }) // the last onset before it is a DAYLIGHT one;
    expect(reading.ok && reading.fields.degraded).toBeUndefined();
    for (const f of loadFixtures()) {
      for (const c of f.components > 0 && f.raw.includes('BEGIN:VTIMEZONE') ? parseComponent(f.raw).getAllSubcomponents('vtimezone') : []) {
        expect(vtimezoneCost(c), f.name).toBeLessThanOrEqual(EXPANSION_CAP);
      }
    }
  });

  it('bounds from above the occurrences ical.js really expands in a year', () => {
    // Finer frequencies are bounded by the same table; their iterations are too slow to count here.
    const freq = fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY');
    const list = <T>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { minLength: 1, maxLength: 3 });
    const weekday = fc.constantFrom('SU', 'MO', 'FR');
    // Never two day filters that can contradict each other ("BYMONTHDAY=5;BYDAY=2SU"): ical.js
    // searches for such a rule's next occurrence without end.
    const days = fc.oneof(
      fc.constant(''),
      list(weekday).map((d) => `;BYDAY=${d.join(',')}`),
      list(fc.integer({ min: 1, max: 28 })).map((d) => `;BYMONTHDAY=${d.join(',')}`),
    );
    const ordinal = list(fc.tuple(fc.constantFrom('1', '-1', '2'), weekday).map(([n, d]) => `${n}${d}`)).map((d) => `;BYDAY=${d.join(',')}`);
    const rule = fc
      .record({
        freq,
        interval: fc.integer({ min: 1, max: 3 }),
        months: fc.option(list(fc.integer({ min: 1, max: 12 }))),
        hours: fc.option(list(fc.integer({ min: 0, max: 23 }))),
        days,
        ordinal,
      })
      .map((r) => {
        const coarse = r.freq === 'MONTHLY' || r.freq === 'YEARLY';
        // §3.3.10: BYMONTHDAY is not allowed with WEEKLY.
        const byDay = coarse && r.days === '' ? r.ordinal : r.freq === 'WEEKLY' && r.days.includes('MONTHDAY') ? '' : r.days;
        const months = r.months === null ? '' : `;BYMONTH=${r.months.join(',')}`;
        const hours = r.hours === null ? '' : `;BYHOUR=${r.hours.join(',')}`;
        return `FREQ=${r.freq};INTERVAL=${r.interval}${months}${byDay}${hours}`;
      });
    fc.assert(
      fc.property(rule, (text) => {
        const recur = ICAL.Recur.fromString(text);
        const iterator = recur.iterator(ICAL.Time.fromDateTimeString('2023-01-01T00:00:00'));
        const bound = occurrencesPerYear(recur) * 2;
        let n = 0;
        for (let t = iterator.next(); t !== null && t.year < 2025 && n <= bound + 1; t = iterator.next()) n++;
        expect(n).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 100 },
    );
  });
});
