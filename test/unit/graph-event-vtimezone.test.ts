// The VTIMEZONE written for a converted Graph event must give, at every hour of the years the
// series spans, the offset the browser's own zone data gives (Intl.DateTimeFormat). Zones with
// rules no yearly RRULE states, or that changed their rules, are where one year's transitions
// made into rules went wrong: Jerusalem, Santiago, Cairo, Gaza, Casablanca, Asunción.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezoneZone } from '../../src/calendars/vtimezone-zone';
import { seriesToIcal } from '../../src/providers/microsoft/event-to-ical';
import { vtimezone } from '../../src/calendars/tzdb-vtimezone';
import { seriesYears } from '../../src/providers/microsoft/series-years';

const ZONES = ['Asia/Jerusalem', 'America/Santiago', 'Africa/Cairo', 'Asia/Gaza', 'Africa/Casablanca', 'America/Asuncion', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland'];
const FROM = Date.UTC(2024, 0, 1) / 1000;
const TO = Date.UTC(2028, 0, 1) / 1000;

/** Seconds east of UTC at `utc`, from Intl alone (no code of this project). */
function intlOffset(format: Intl.DateTimeFormat, utc: number): number {
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(utc * 1000))) p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) / 1000 - utc;
}

/** Hours of 2024–2027 at which the VTIMEZONE's offset differs from Intl's. */
function wrongHours(vtz: ICAL.Component, iana: string): number {
  const zone = vtimezoneZone(new ICAL.Timezone(vtz));
  const format = new Intl.DateTimeFormat('en-US', { timeZone: iana, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  let wrong = 0;
  for (let t = FROM; t < TO; t += 3600) if (zone.offsetAt(t) !== intlOffset(format, t)) wrong++;
  return wrong;
}

describe('VTIMEZONEs of converted Graph events', () => {
  it.each(ZONES)('%s: right at every hour of 2024–2027 for a series spanning them', (iana) => {
    const vtz = vtimezone({ iana, fromYear: 2023, toYear: 2027 });
    expect(wrongHours(vtz, iana)).toBe(0);
  });

  it.each(['Europe/Berlin', 'America/New_York', 'Pacific/Auckland'])('%s: continued by rule after the span', (iana) => {
    // Spelled out for 2023 only; 2024–2027 come from the tz database's current rules.
    const vtz = vtimezone({ iana, fromYear: 2022, toYear: 2023 });
    expect(vtz.getAllSubcomponents().some((c) => c.hasProperty('rrule'))).toBe(true);
    expect(wrongHours(vtz, iana)).toBe(0);
  });

  it('spans the years of the recurrence range: end date, numbered, no end', () => {
    const start = '2024-03-01T09:00:00.0000000';
    const end = '2024-03-01T10:00:00.0000000';
    const weekly = { type: 'weekly' as const, interval: 1, daysOfWeek: ['friday'] };
    expect(seriesYears({ start, end })).toEqual({ fromYear: 2023, toYear: 2024 });
    expect(seriesYears({ start, end, recurrence: { pattern: weekly, range: { type: 'endDate', endDate: '2027-06-30' } } })).toEqual({ fromYear: 2023, toYear: 2027 });
    expect(seriesYears({ start, end, recurrence: { pattern: weekly, range: { type: 'numbered', numberOfOccurrences: 200 } } }).toYear).toBeGreaterThanOrEqual(2027);
    expect(seriesYears({ start, end, recurrence: { pattern: weekly, range: { type: 'noEnd' } } }).toYear).toBe(2037);
  });

  it('a Cairo series from 2024 to 2027 converts with a VTIMEZONE right in every year', () => {
    const ics = seriesToIcal({
      master: {
        id: 'm1',
        iCalUId: 'cairo-series',
        type: 'seriesMaster',
        subject: 'Weekly in Cairo',
        start: { dateTime: '2024-01-05T09:00:00.0000000', timeZone: 'Egypt Standard Time' },
        end: { dateTime: '2024-01-05T10:00:00.0000000', timeZone: 'Egypt Standard Time' },
        originalStartTimeZone: 'Egypt Standard Time',
        recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['friday'] }, range: { type: 'endDate', startDate: '2024-01-05', endDate: '2027-12-31' } },
      },
    });
    const vtz = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vtimezone')!;
    expect(vtz.getFirstPropertyValue('tzid')).toBe('Africa/Cairo');
    expect(wrongHours(vtz, 'Africa/Cairo')).toBe(0);
  });
});
