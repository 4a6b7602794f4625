// Which years of a time zone matter to one calendar object: those of its own date-times that
// name a TZID, extended to the end of any recurrence. Two definitions of one TZID that agree
// over those years place every one of its instants at the same moment (ical-timezones.ts).
import type { CalendarObject, ObjectPart } from '../calendars/read-calendar-object';
import { tzidOf } from '../calendars/read-calendar-object';

export interface YearSpan {
  from: number;
  to: number;
}

/**
 * A recurrence without UNTIL (or with COUNT, which cannot be read without expanding it) is
 * followed to 2037: zone definitions served today carry the rules in force, which do not change
 * after the last year the IANA data (and so most servers' VTIMEZONEs) spell out.
 */
export const OPEN_END_YEAR = 2037;

const DATE_TIME_YEAR = /(\d{4})\d{4}T/g;
const UNTIL_YEAR = /UNTIL=(\d{4})/i;

/** The span of years the parts' zoned date-times reach, or null when none names a TZID. */
export function zonedYears(object: CalendarObject, parts: readonly ObjectPart[]): YearSpan | null {
  let from = Infinity;
  let to = -Infinity;
  for (const part of parts) {
    let zoned = false;
    for (let i = part.begin; i <= part.end; i++) {
      const line = object.lines[i]?.line;
      if (line === undefined || tzidOf(line) === null) continue;
      zoned = true;
      for (const m of line.value.matchAll(DATE_TIME_YEAR)) {
        const year = Number(m[1]);
        from = Math.min(from, year);
        to = Math.max(to, year);
      }
    }
    if (!zoned) continue;
    for (let i = part.begin; i <= part.end; i++) {
      const line = object.lines[i]?.line;
      if (line?.name !== 'RRULE') continue;
      const until = UNTIL_YEAR.exec(line.value);
      to = Math.max(to, until === null ? OPEN_END_YEAR : Number(until[1]));
    }
  }
  return from <= to ? { from, to } : null;
}
