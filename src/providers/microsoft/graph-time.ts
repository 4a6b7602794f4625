// Graph's dateTimeTimeZone values as iCalendar wall times in an IANA zone. Graph names zones
// the Windows way ("W. Europe Standard Time") unless asked otherwise, and answers in UTC by
// default (https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone); the
// event's originalStartTimeZone says where it really lives.
import { intlZone } from '../../calendars/intl-zone';
import { isoWall } from '../../calendars/wall-time';
import { WINDOWS_ZONES } from './windows-zones';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'tzone://Microsoft/Utc', 'Coordinated Universal Time']);

/** The IANA name for a Windows or IANA zone name; UTC when neither is known. */
export function ianaZone(name: string | null | undefined): string {
  if (!name || UTC_NAMES.has(name)) return 'UTC';
  const mapped = WINDOWS_ZONES[name];
  if (mapped) return mapped === 'Etc/UTC' ? 'UTC' : mapped;
  return intlZone(name) ? name : 'UTC';
}

/** Seconds of a "YYYY-MM-DDTHH:MM:SS(.fffffff)" read as if UTC: a wall time. */
function wallOf(dateTime: string): number {
  return Date.parse(`${dateTime.slice(0, 19)}Z`) / 1000;
}

/** The wall time in `zone` ("YYYY-MM-DDTHH:MM:SS") of a Graph date-time given in its own zone. */
export function wallIn(value: DateTimeTimeZone, zone: string): string {
  const from = ianaZone(value.timeZone);
  const wall = wallOf(value.dateTime);
  if (from === zone) return isoWall(wall);
  const utc = from === 'UTC' ? wall : wall - offsetAtWall(from, wall);
  return isoWall(zone === 'UTC' ? utc : utc + (intlZone(zone)?.offsetAt(utc) ?? 0));
}

/** An instant ("2025-04-08T07:00:00Z" or with an offset) as a wall time in `zone`. */
export function instantIn(instant: string, zone: string): string {
  const utc = Date.parse(instant) / 1000;
  return isoWall(zone === 'UTC' ? utc : utc + (intlZone(zone)?.offsetAt(utc) ?? 0));
}

function offsetAtWall(zone: string, wall: number): number {
  const z = intlZone(zone);
  if (!z) return 0;
  // The offset in force at that wall time: first guess from the wall read as UTC, then once more.
  const guess = z.offsetAt(wall);
  return z.offsetAt(wall - guess);
}
