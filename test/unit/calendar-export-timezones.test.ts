// One VTIMEZONE per TZID across objects that each carry their own definition: shared when the
// definitions agree over the years an object uses, kept apart (renamed) when they do not, and
// in every case each event stays at the instant its own object gave it.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { objectZones } from '../../src/calendars/object-zones';
import { parseComponent } from '../../src/calendars/parse-component';
import { formatTime, timeFromIcal } from '../../src/calendars/time-values';
import { exportIcs } from '../../src/exporters/ical-export';
import { calendarReader } from '../../src/sync/readers/calendar-reader';
import { expectWellFormedIcs } from './calendar-helpers';

const rule = (kind: 'DAYLIGHT' | 'STANDARD', from: string, to: string, start: string, rrule: string) =>
  `BEGIN:${kind}\nTZOFFSETFROM:${from}\nTZOFFSETTO:${to}\nDTSTART:${start}\nRRULE:${rrule}\nEND:${kind}`;

/** Europe/Berlin as Google serves it: today's rules, back-dated to 1970. */
const GOOGLE_BERLIN = [
  'BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nX-LIC-LOCATION:Europe/Berlin',
  rule('DAYLIGHT', '+0100', '+0200', '19700329T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'),
  rule('STANDARD', '+0200', '+0100', '19701025T030000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'),
  'END:VTIMEZONE',
].join('\n');

/** Europe/Berlin with its history: DST from 1981 (here), ending in September until 1995. */
const HISTORIC_BERLIN = [
  'BEGIN:VTIMEZONE\nTZID:Europe/Berlin',
  'BEGIN:STANDARD\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nDTSTART:19700101T000000\nEND:STANDARD',
  rule('DAYLIGHT', '+0100', '+0200', '19810329T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'),
  rule('STANDARD', '+0200', '+0100', '19810927T030000', 'FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T010000Z'),
  rule('STANDARD', '+0200', '+0100', '19961027T030000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'),
  'END:VTIMEZONE',
].join('\n');

/** A wrong definition: Berlin without summer time. */
const FIXED_BERLIN = 'BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nBEGIN:STANDARD\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nDTSTART:19700101T000000\nEND:STANDARD\nEND:VTIMEZONE';

function object(uid: string, start: string, vtimezone: string, extra = ''): string {
  const event = `BEGIN:VEVENT\nUID:${uid}\nDTSTAMP:20240101T000000Z\nDTSTART;TZID=Europe/Berlin:${start}\n${extra}END:VEVENT`;
  return `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n${vtimezone}\n${event}\nEND:VCALENDAR\n`.replace(/\n/g, '\r\n');
}

/** Each event's TZID and start instant (ms) as the exported calendar defines them. */
function exportedStarts(text: string): Record<string, { tzid: string; instant: number }> {
  const vcalendar = parseComponent(text);
  const zones = objectZones(vcalendar);
  const out: Record<string, { tzid: string; instant: number }> = {};
  for (const event of vcalendar.getAllSubcomponents('vevent')) {
    const prop = event.getFirstProperty('dtstart');
    const value = prop?.getFirstValue();
    const tzid = prop?.getParameter('tzid');
    if (!(value instanceof ICAL.Time) || typeof tzid !== 'string') throw new Error('unexpected DTSTART');
    out[String(event.getFirstPropertyValue('uid'))] = { tzid, instant: Date.parse(formatTime(timeFromIcal(value, tzid, zones))) };
  }
  return out;
}

/** The start instant (ms) the object itself gives its event. */
function ownInstant(raw: string): number {
  const reading = calendarReader.read(raw);
  if (!reading.ok || !reading.fields.start) throw new Error('unreadable test object');
  return Date.parse(reading.fields.start);
}

function tzids(text: string): unknown[] {
  return parseComponent(text).getAllSubcomponents('vtimezone').map((c) => c.getFirstPropertyValue('tzid'));
}

describe('VTIMEZONEs in an export', () => {
  it('are kept once when the objects carry the same text', () => {
    const objects = ['a', 'b', 'c'].map((uid) => object(uid, '20240704T100000', GOOGLE_BERLIN));
    const { text } = exportIcs(objects);
    expectWellFormedIcs(text);
    expect(tzids(text)).toEqual(['Europe/Berlin']);
  });

  it('are shared when the definitions differ in text but agree over the years used', () => {
    const objects = [object('google', '20240704T100000', GOOGLE_BERLIN), object('apple', '20240704T100000', HISTORIC_BERLIN)];
    const { text } = exportIcs(objects);
    expect(tzids(text)).toEqual(['Europe/Berlin']);
    const starts = exportedStarts(text);
    expect(starts.apple).toEqual({ tzid: 'Europe/Berlin', instant: ownInstant(objects[1] ?? '') });
  });

  it('are kept apart when the definitions disagree over the years used, references renamed', () => {
    const objects = [
      object('google', '19900704T100000', GOOGLE_BERLIN),
      object('historic', '19901015T100000', HISTORIC_BERLIN, 'EXDATE;TZID=Europe/Berlin:19901022T100000\nRRULE:FREQ=WEEKLY;COUNT=3\n'),
      object('fixed', '20240704T100000', FIXED_BERLIN),
    ];
    const { text } = exportIcs(objects);
    expectWellFormedIcs(text);
    expect(tzids(text)).toEqual(['Europe/Berlin', 'Europe/Berlin (2)', 'Europe/Berlin (3)']);
    const starts = exportedStarts(text);
    expect(starts.google?.tzid).toBe('Europe/Berlin');
    expect(starts.historic?.tzid).toBe('Europe/Berlin (2)');
    expect(starts.fixed?.tzid).toBe('Europe/Berlin (3)');
    expect(text).toContain('EXDATE;TZID=Europe/Berlin (2):19901022T100000');
    // Each event at the instant its own object gave it (historic: winter time on 15 October
    // 1990; fixed: +01:00 in July).
    objects.forEach((raw, i) => expect(starts[['google', 'historic', 'fixed'][i] ?? '']?.instant).toBe(ownInstant(raw)));
    expect(new Date(starts.historic?.instant ?? 0).toISOString()).toBe('1990-10-15T09:00:00.000Z');
  });

  it('reuse an agreeing earlier variant rather than adding another', () => {
    const objects = [
      object('fixed', '20240704T100000', FIXED_BERLIN),
      object('google', '20240704T100000', GOOGLE_BERLIN),
      object('historic', '20240704T100000', HISTORIC_BERLIN),
    ];
    const { text } = exportIcs(objects);
    expect(tzids(text)).toEqual(['Europe/Berlin', 'Europe/Berlin (2)']);
    expect(exportedStarts(text).historic?.tzid).toBe('Europe/Berlin (2)');
  });

  it('do not collide with a TZID that already has the new name', () => {
    const own = object('own', '20240704T100000', GOOGLE_BERLIN.replace('TZID:Europe/Berlin', 'TZID:Europe/Berlin (2)')).replace(
      'TZID=Europe/Berlin:',
      'TZID=Europe/Berlin (2):',
    );
    const { text } = exportIcs([object('google', '20240704T100000', GOOGLE_BERLIN), own, object('fixed', '20240704T100000', FIXED_BERLIN)]);
    const names = tzids(text);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(3);
  });
});
