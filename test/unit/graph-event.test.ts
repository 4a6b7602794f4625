// Graph event series → iCalendar, as fixture pairs (test/fixtures/graph/<name>.json → .ics),
// read back by ical.js: the weekly series keeps 09:00 in Berlin across the DST change, its
// moved occurrence replaces the original, its cancelled one is gone; Windows zone names
// become IANA ones with a VTIMEZONE; the original JSON is kept.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { seriesToIcal, type GraphSeries } from '../../src/providers/microsoft/event-to-ical';
import { ianaZone } from '../../src/providers/microsoft/graph-time';

const DIR = 'test/fixtures/graph';
const NAMES = ['series-weekly-berlin', 'series-monthly-pacific', 'allday-yearly'];

function converted(name: string): string {
  const text = seriesToIcal(JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as GraphSeries);
  // Set LIFEBOAT_UPDATE_FIXTURES=1 to write a new fixture after a deliberate change.
  if (process.env.LIFEBOAT_UPDATE_FIXTURES || !existsSync(`${DIR}/${name}.ics`)) writeFileSync(`${DIR}/${name}.ics`, text);
  return text;
}

/** Occurrence starts (UTC ISO) of the object's series, overrides applied, up to `limit`. */
function occurrences(text: string, limit = 20): Array<{ start: string; summary: string }> {
  // The zones first: times are bound to their TZID when a component is read.
  for (const tz of new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const [master, ...exceptions] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  for (const e of exceptions) master!.relateException(e);
  const it = master!.iterator();
  const out: Array<{ start: string; summary: string }> = [];
  for (let next = it.next(); next && out.length < limit; next = it.next()) {
    const details = master!.getOccurrenceDetails(next);
    out.push({ start: details.startDate.toJSDate().toISOString(), summary: details.item.summary });
  }
  return out;
}

describe('Graph events as iCalendar', () => {
  for (const name of NAMES) {
    it(`${name}: matches its fixture and keeps the original JSON`, () => {
      const text = converted(name);
      expect(text).toBe(readFileSync(`${DIR}/${name}.ics`, 'utf8'));
      const event = new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent')!;
      const original = (JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')) as GraphSeries).master;
      expect(JSON.parse(String(event.getFirstPropertyValue('x-ms-graph-json')))).toEqual(original);
    });
  }

  it('keeps a weekly series at 09:00 in Berlin across DST, with the moved and the cancelled occurrence', () => {
    const text = converted('series-weekly-berlin');
    expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:20250318T090000/);
    expect(text).toMatch(/RECURRENCE-ID;TZID=Europe\/Berlin:20250408T090000/);
    expect(text).toMatch(/EXDATE;TZID=Europe\/Berlin:20250415T090000/);
    expect(occurrences(text)).toEqual([
      { start: '2025-03-18T08:00:00.000Z', summary: 'Team meeting' },
      { start: '2025-03-25T08:00:00.000Z', summary: 'Team meeting' },
      { start: '2025-04-01T07:00:00.000Z', summary: 'Team meeting' },
      { start: '2025-04-08T08:30:00.000Z', summary: 'Team meeting (moved)' },
      { start: '2025-04-22T07:00:00.000Z', summary: 'Team meeting' },
      { start: '2025-04-29T07:00:00.000Z', summary: 'Team meeting' },
    ]);
  });

  it('maps relative monthly patterns and all-day yearly ones', () => {
    const monthly = occurrences(converted('series-monthly-pacific'));
    expect(monthly.map((o) => o.start)).toEqual(['2025-01-10T02:30:00.000Z', '2025-02-14T02:30:00.000Z', '2025-03-14T01:30:00.000Z', '2025-04-11T01:30:00.000Z', '2025-05-09T01:30:00.000Z', '2025-06-13T01:30:00.000Z']);
    const yearly = converted('allday-yearly');
    expect(yearly).toMatch(/DTSTART;VALUE=DATE:20251210/);
    expect(yearly).toMatch(/RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10/);
  });

  it('maps Windows zone names through the CLDR table', () => {
    expect(ianaZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZone('Tokyo Standard Time')).toBe('Asia/Tokyo');
    expect(ianaZone('Europe/Paris')).toBe('Europe/Paris');
    expect(ianaZone('Customized Time Zone')).toBe('UTC');
  });
});
