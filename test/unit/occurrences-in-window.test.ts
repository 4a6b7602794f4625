import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { occurrencesInWindow, type SeriesInput } from '../../src/calendars/occurrences-in-window';

const BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function weekly(extra: string[] = [], overrides: string[][] = [], rule = 'RRULE:FREQ=WEEKLY'): SeriesInput {
  const raw = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...BERLIN,
    'BEGIN:VEVENT',
    'UID:standup',
    'SUMMARY:Stand-up',
    'DTSTART;TZID=Europe/Berlin:20250106T090000',
    'DTEND;TZID=Europe/Berlin:20250106T093000',
    rule,
    ...extra,
    'END:VEVENT',
    ...overrides.flatMap((o) => ['BEGIN:VEVENT', 'UID:standup', ...o, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');
  return { raw, start: '2025-01-06T09:00:00+01:00', end: '2025-01-06T09:30:00+01:00', title: 'Stand-up', recurring: true };
}

describe('occurrencesInWindow', () => {
  it('lists every Monday of a weekly series begun long before the window, in the zone of the series', () => {
    const found = occurrencesInWindow(weekly(), { from: '2026-03-23', to: '2026-04-07' });
    expect(found.map((o) => o.start)).toEqual(['2026-03-23T09:00:00+01:00', '2026-03-30T09:00:00+02:00', '2026-04-06T09:00:00+02:00']);
    expect(found[0]).toMatchObject({ end: '2026-03-23T09:30:00+01:00', title: 'Stand-up', repeats: true, overridden: false });
  });

  it('leaves out a date named by EXDATE', () => {
    const found = occurrencesInWindow(weekly(['EXDATE;TZID=Europe/Berlin:20260330T090000']), { from: '2026-03-23', to: '2026-04-07' });
    expect(found.map((o) => o.start)).toEqual(['2026-03-23T09:00:00+01:00', '2026-04-06T09:00:00+02:00']);
  });

  it('adds the dates of RDATE', () => {
    const found = occurrencesInWindow(weekly(['RDATE;TZID=Europe/Berlin:20260401T150000']), { from: '2026-03-30', to: '2026-04-03' });
    expect(found.map((o) => o.start)).toEqual(['2026-03-30T09:00:00+02:00', '2026-04-01T15:00:00+02:00']);
  });

  it('shows an override at its moved time and title instead of the occurrence it replaces', () => {
    const moved = ['RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000', 'SUMMARY:Stand-up (late)', 'DTSTART;TZID=Europe/Berlin:20260331T140000', 'DTEND;TZID=Europe/Berlin:20260331T143000'];
    const found = occurrencesInWindow(weekly([], [moved]), { from: '2026-03-23', to: '2026-04-07' });
    expect(found.map((o) => [o.start, o.title, o.overridden])).toEqual([
      ['2026-03-23T09:00:00+01:00', 'Stand-up', false],
      ['2026-03-31T14:00:00+02:00', 'Stand-up (late)', true],
      ['2026-04-06T09:00:00+02:00', 'Stand-up', false],
    ]);
  });

  it('leaves out an occurrence whose override is cancelled', () => {
    const cancelled = ['RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000', 'STATUS:CANCELLED', 'DTSTART;TZID=Europe/Berlin:20260330T090000'];
    const found = occurrencesInWindow(weekly([], [cancelled]), { from: '2026-03-23', to: '2026-04-07' });
    expect(found.map((o) => o.start)).toEqual(['2026-03-23T09:00:00+01:00', '2026-04-06T09:00:00+02:00']);
  });

  it('does not expand an item read only in part, and shows its first date as before', () => {
    const series = { ...weekly(), degraded: 'zone-too-complex' };
    expect(occurrencesInWindow(series, { from: '2026-03-23', to: '2026-04-07' })).toEqual([]);
    expect(occurrencesInWindow(series, { from: '2025-01-01', to: '2025-02-01' })).toHaveLength(1);
  });

  it('stops after the cap of steps per series, however fine the rule', () => {
    const secondly = weekly([], [], 'RRULE:FREQ=SECONDLY');
    expect(occurrencesInWindow(secondly, { from: '2025-01-06', to: '2025-01-07' }, 500)).toHaveLength(500);
    // Before the window the steps are spent without finding anything: still bounded.
    expect(occurrencesInWindow(secondly, { from: '2026-01-01', to: '2026-01-02' }, 500)).toEqual([]);
  });

  it('every occurrence falls inside the window, none outside, the EXDATE never, the override always', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2024, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const moved = ['RECURRENCE-ID;TZID=Europe/Berlin:20250505T090000', 'DTSTART;TZID=Europe/Berlin:20250507T100000', 'DTEND;TZID=Europe/Berlin:20250507T110000'];
    const series = weekly(['EXDATE;TZID=Europe/Berlin:20250512T090000'], [moved]);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), (from, length) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        const found = occurrencesInWindow(series, { from, to });
        for (const o of found) expect(o.start.slice(0, 10) >= from && o.start.slice(0, 10) < to).toBe(true);
        // Every Monday from the series' start in the window is there, but the replaced and the excluded.
        const mondays: string[] = [];
        for (let t = Date.parse('2025-01-06T00:00:00Z'); ; t += 7 * 86_400_000) {
          const d = new Date(t).toISOString().slice(0, 10);
          if (d >= to) break;
          if (d >= from && d !== '2025-05-05' && d !== '2025-05-12') mondays.push(d);
        }
        const expected = [...mondays, ...('2025-05-07' >= from && '2025-05-07' < to ? ['2025-05-07'] : [])].sort();
        expect(found.map((o) => o.start.slice(0, 10))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
