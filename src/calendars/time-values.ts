// DATE and DATE-TIME values (RFC 5545 §3.3.4, §3.3.5) as the listing stores them: ISO 8601
// with the UTC offset when the time is fixed, without it when floating, a bare date for all-day.
import ICAL from 'ical.js';
import { offsetForWall, type Zone } from './timezones';
import { DAY, isoDate, isoOffset, isoWall, wallFromParts } from './wall-time';

export type TimeValue =
  | { kind: 'date'; wall: number }
  | { kind: 'floating'; wall: number }
  | { kind: 'utc'; wall: number }
  | { kind: 'zoned'; wall: number; zone: Zone; offset: number };

/** Finds the zone a TZID names, or null: the time is then read as floating. */
export type ZoneLookup = (tzid: string) => Zone | null;

export function formatTime(v: TimeValue): string {
  switch (v.kind) {
    case 'date':
      return isoDate(v.wall);
    case 'floating':
      return isoWall(v.wall);
    case 'utc':
      return `${isoWall(v.wall)}Z`;
    case 'zoned':
      return isoWall(v.wall) + isoOffset(v.offset);
  }
}

/** An ical.js time (parsed from a property with the given TZID parameter) as a TimeValue. */
export function timeFromIcal(t: ICAL.Time, tzid: string | null, zoneFor: ZoneLookup): TimeValue {
  const wall = wallFromParts(t);
  if (t.isDate) return { kind: 'date', wall };
  // "Z" wins over a TZID parameter: §3.3.5 forbids TZID on a UTC time.
  if (t.zone === ICAL.Timezone.utcTimezone) return { kind: 'utc', wall };
  const zone = tzid === null ? null : zoneFor(tzid);
  if (zone === null) return { kind: 'floating', wall };
  return { kind: 'zoned', wall, zone, offset: offsetForWall(zone, wall) };
}

/**
 * `v` plus a duration. Weeks and days are nominal: added to the wall clock, so P1D across a DST
 * change is still "same time tomorrow"; hours, minutes and seconds are exact, added to the
 * instant (§3.3.6). A DATE only takes whole days (§3.8.2.5 allows only dur-day or dur-week).
 */
export function addDuration(v: TimeValue, d: ICAL.Duration): TimeValue {
  const sign = d.isNegative ? -1 : 1;
  const nominal = sign * (d.weeks * 7 + d.days) * DAY;
  const exact = sign * (d.hours * 3600 + d.minutes * 60 + d.seconds);
  switch (v.kind) {
    case 'date':
      return { kind: 'date', wall: v.wall + nominal };
    case 'floating':
    case 'utc':
      return { kind: v.kind, wall: v.wall + nominal + exact };
    case 'zoned': {
      const wall = v.wall + nominal;
      const offset = nominal === 0 ? v.offset : offsetForWall(v.zone, wall);
      if (exact === 0) return { ...v, wall, offset };
      const instant = wall - offset + exact;
      const after = v.zone.offsetAt(instant);
      return { ...v, wall: instant + after, offset: after };
    }
  }
}

/**
 * Where an event without DTEND or DURATION ends (§3.6.1): a DATE start lasts one day, a
 * DATE-TIME start ends when it starts.
 */
export function impliedEnd(start: TimeValue): TimeValue {
  return start.kind === 'date' ? { kind: 'date', wall: start.wall + DAY } : start;
}
