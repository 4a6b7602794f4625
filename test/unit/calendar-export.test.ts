// The .ics exporter on the fixtures: one valid VCALENDAR, each VTIMEZONE once, every component
// with all its lines as served, series intact (master plus overrides), lines within 75 octets.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseComponent } from '../../src/calendars/parse-component';
import { exportIcs, PRODID } from '../../src/exporters/ical-export';
import { expectWellFormedIcs, loadFixtures, unfold } from './calendar-helpers';

const fixtures = loadFixtures();
const all = exportIcs(fixtures.map((f) => f.raw), { calendarName: 'Lifeboat' });
const exported = parseComponent(all.text);

/** Unfolded lines of the top-level components other than VTIMEZONE, in order. */
function componentLines(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let keep = false;
  for (const line of unfold(text)) {
    const begin = /^BEGIN:/i.test(line);
    if (begin && ++depth === 2) keep = !/^BEGIN:VTIMEZONE$/i.test(line);
    if (keep && depth >= 2) out.push(line);
    if (/^END:/i.test(line) && depth-- === 2) keep = false;
  }
  return out;
}

describe('exportIcs on every fixture', () => {
  it('is one well-formed VCALENDAR: CRLF, lines within 75 octets, no split character', () => {
    expectWellFormedIcs(all.text);
    expect(exported.name).toBe('vcalendar');
    expect(exported.getFirstPropertyValue('version')).toBe('2.0');
    expect(exported.getFirstPropertyValue('prodid')).toBe(PRODID);
    expect(exported.getFirstPropertyValue('x-wr-calname')).toBe('Lifeboat');
  });

  it('skips exactly the objects it cannot delimit, with the reader\'s reason', () => {
    const expected = fixtures.flatMap((f, index) => (f.components === 0 ? [{ index, reason: f.reason }] : []));
    expect(all.skipped).toEqual(expected);
    expect(all.count).toBe(fixtures.length - expected.length);
  });

  it('holds every component, each with all its lines as served (unfolded)', () => {
    const components = exported.getAllSubcomponents().filter((c) => c.name !== 'vtimezone');
    expect(components).toHaveLength(fixtures.reduce((n, f) => n + f.components, 0));
    // A rule a server stored TEXT-escaped is written as a RECUR value, without the escapes.
    const asRecur = (line: string) => (/^RRULE:/.test(line) ? line.replace(/\\;/g, ';') : line);
    const expected = fixtures.filter((f) => f.components > 0).flatMap((f) => componentLines(f.raw).map(asRecur));
    expect(componentLines(all.text)).toEqual(expected);
    expect(unfold(all.text)).toContain('RRULE:FREQ=DAILY;COUNT=10');
  });

  it('holds each VTIMEZONE once', () => {
    const tzids = exported.getAllSubcomponents('vtimezone').map((c) => c.getFirstPropertyValue('tzid'));
    expect(new Set(tzids).size).toBe(tzids.length);
    expect(tzids.filter((t) => t === 'Europe/Berlin')).toHaveLength(1);
    expect(tzids).toEqual(expect.arrayContaining(['America/New_York', 'Asia/Tokyo', 'W. Europe Standard Time']));
    // Time zones come before the components that use them.
    expect(all.text.lastIndexOf('END:VTIMEZONE')).toBeLessThan(all.text.indexOf('BEGIN:VEVENT'));
  });

  it('keeps a series whole: the master with its RRULE and EXDATE, and both overrides', () => {
    const series = exported
      .getAllSubcomponents('vevent')
      .filter((e) => e.getFirstPropertyValue('uid') === 'standup-7f3a@example.com');
    const masters = series.filter((e) => !e.hasProperty('recurrence-id'));
    expect(masters).toHaveLength(1);
    expect(String(masters[0]?.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;COUNT=6');
    expect(String(masters[0]?.getFirstPropertyValue('exdate'))).toBe('2024-11-15T09:00:00');
    const overrides = series.flatMap((e) => {
      const id = e.getFirstPropertyValue('recurrence-id');
      return id instanceof ICAL.Time ? [`${id.toString()} ${String(e.getFirstPropertyValue('summary'))}`] : [];
    });
    expect(overrides).toEqual(['2024-11-08T09:00:00 Team standup (moved)', '2024-11-22T09:00:00 Team standup (Thanksgiving week)']);
  });

  it('keeps alarms, attendees and X- properties', () => {
    const event = exported.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === 'planning-2024q3@example.com');
    expect(event?.getAllSubcomponents('valarm')).toHaveLength(2);
    expect(event?.getAllProperties('attendee').map((a) => a.getParameter('cn'))).toEqual(['Doe, John', 'Søren Kierkegaard']);
    expect(event?.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('BUSY');
  });

  it('copies a component that is already valid output byte for byte', () => {
    const raw = fixtures.find((f) => f.name === 'alarm-attendees')?.raw ?? '';
    const component = raw.slice(raw.indexOf('BEGIN:VEVENT'), raw.indexOf('END:VEVENT') + 'END:VEVENT'.length);
    expect(all.text).toContain(component);
  });
});

describe('exportIcs on awkward input', () => {
  const event = (lines: string[], eol = '\r\n') =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x@example.com', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join(eol);

  it('folds long lines, and refolds LF, tab and 76-octet folds, without changing the content', () => {
    const long = `DESCRIPTION:${'Überlänge 😀 '.repeat(30)}`;
    const sloppy = `SUMMARY:${'x'.repeat(70)}\n\t${'y'.repeat(80)}`;
    const { text } = exportIcs([event([long], '\r\n'), event([sloppy], '\n')]);
    expectWellFormedIcs(text);
    expect(componentLines(text)).toEqual([...componentLines(event([long])), ...componentLines(event([sloppy], '\n'))]);
  });

  it('writes an empty calendar for no objects, and escapes the calendar name', () => {
    const name = 'Work, Home; a\\b\nsecond line';
    const { text, count, skipped } = exportIcs([], { calendarName: name });
    expectWellFormedIcs(text);
    expect([count, skipped]).toEqual([0, []]);
    // TEXT escaping (RFC 5545 §3.3.11); ical.js leaves X- values raw, Python's icalendar
    // unescapes them (test/integration/ical-interop.test.ts).
    expect(unfold(text)).toContain('X-WR-CALNAME:Work\\, Home\\; a\\\\b\\nsecond line');
  });

  it('exports 10,000 objects in seconds at most (a guard against quadratic work)', () => {
    const sources = fixtures.filter((f) => f.components > 0).map((f) => f.raw);
    const objects = Array.from({ length: 10_000 }, (_, i) => (sources[i % sources.length] ?? '').replace(/^UID:/m, `UID:${i}-`));
    const started = performance.now();
    const { count } = exportIcs(objects);
    // ~0.25 s when measured alone on a 2-core machine; the limit is generous for a busy CI.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(count).toBe(10_000);
  });

  it('reports an object that holds only time zones', () => {
    const tzOnly = 'BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:UTC\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n';
    expect(exportIcs([tzOnly]).skipped).toEqual([{ index: 0, reason: 'The calendar item holds nothing but time zones.' }]);
  });
});
