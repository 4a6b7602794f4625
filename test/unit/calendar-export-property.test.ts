// Property: any SUMMARY and DESCRIPTION text (non-ASCII, emoji, commas, semicolons, newlines,
// backslashes, long enough to fold) written by ical.js into an event comes back unchanged from
// exportIcs, written as UTF-8 and read again by ical.js.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseComponent } from '../../src/calendars/parse-component';
import { exportIcs } from '../../src/exporters/ical-export';
import { expectWellFormedIcs } from './calendar-helpers';

// TEXT may hold any character but the controls (RFC 5545 §3.3.11: TSAFE-CHAR excludes CTL; a
// newline is written escaped). ical.js does not escape a bare CR, so none is generated.
const isControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f;
// A lone surrogate is not a character: UTF-8 cannot carry it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const awkward = fc.constantFrom(',', ';', '\\', '\n', ':', '"', ' ', '\t', 'é', 'ß', '日本', '😀', '👨‍👩‍👧', '\\n', '\\,');
const text = fc
  .array(fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 40 })
  .map((parts) => parts.join(''))
  .filter((s) => !LONE_SURROGATE.test(s) && ![...s].some((ch) => isControl(ch.charCodeAt(0))));

function eventText(uid: string, summary: string, description: string): string {
  const vcalendar = new ICAL.Component(['vcalendar', [], []]);
  vcalendar.addPropertyWithValue('version', '2.0');
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', uid);
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString('2024-01-01T00:00:00Z'));
  event.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('2024-05-01T10:00:00Z'));
  event.addPropertyWithValue('summary', summary);
  event.addPropertyWithValue('description', description);
  vcalendar.addSubcomponent(event);
  return vcalendar.toString();
}

describe('exportIcs keeps text values', () => {
  it('SUMMARY and DESCRIPTION round-trip through the export, UTF-8 bytes and ical.js', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 3 }), (events) => {
        const objects = events.map(([summary, description], i) => eventText(`uid-${i}`, summary, description));
        const { text: ics, skipped } = exportIcs(objects);
        expect(skipped).toEqual([]);
        expectWellFormedIcs(ics);
        const bytes = new TextEncoder().encode(ics);
        const read = parseComponent(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        const back = read.getAllSubcomponents('vevent').map((e) => [e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('description')]);
        expect(back).toEqual(events);
      }),
      { numRuns: 300 },
    );
  });
});
