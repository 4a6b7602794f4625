// An object that names a TZID without defining it means the zone of that name; joined in one
// .ics with another object whose definition of that name says something else, it must keep its
// meaning. Real files: ical4android's event names Europe/Berlin with no VTIMEZONE (2013);
// icalendar's issue 321 defines a DAYLIGHT-only Europe/Berlin from 2020 (test/corpus/SOURCES.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportIcs } from '../../src/exporters/ical-export';

const corpus = (path: string) => readFileSync(join(import.meta.dirname, '../corpus/items', path), 'utf8').replace(/\r?\n/g, '\r\n');
const naming = corpus('ical4android/two-line-description-without-crlf.ics');
const daylightOnly = corpus('icalendar/issue_321_assert_dst_offset_is_not_false.ics');

/** UTC of the event's start, as an independent reader (ical.js) reads the exported file. */
function startsUtc(ics: string): Map<string, string> {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const out = new Map<string, string>();
  for (const event of calendar.getAllSubcomponents('vevent')) {
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    out.set(String(event.getFirstPropertyValue('uid')), start.convertToZone(ICAL.Timezone.utcTimezone).toString());
  }
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
  return out;
}

describe('an exported object that names a zone it does not define', () => {
  it('keeps its meaning beside another definition of that name, in either order', () => {
    for (const objects of [[daylightOnly, naming], [naming, daylightOnly]]) {
      const { text, count } = exportIcs(objects);
      expect(count).toBe(2);
      // 19 October 2013, 06:00 in Berlin is summer time: 04:00 UTC, whatever the other object says.
      const uid = /^UID:(.*)$/m.exec(naming)![1]!.trim();
      expect(startsUtc(text).get(uid)).toBe('2013-10-19T04:00:00Z');
      // Two definitions of Europe/Berlin that differ: one keeps the name, the other is renamed.
      expect(text.match(/^TZID:Europe\/Berlin.*$/gm)?.sort()).toEqual(['TZID:Europe/Berlin', 'TZID:Europe/Berlin (2)']);
    }
  });

  it('is written as served when no other object defines that name', () => {
    const { text } = exportIcs([naming]);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART;VALUE=DATE-TIME;TZID=Europe/Berlin:20131019T060000');
  });
});
