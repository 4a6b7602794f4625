// An iCloud event (the JSON of the calendar web service's /ca/events) as an iCalendar object
// (RFC 5545): a VCALENDAR with one VEVENT and, for a timed event in a named zone, that zone's
// VTIMEZONE built from the tz database (calendars/tzdb-vtimezone.ts, as for Graph's events).
// Losing nothing: guid, title, location, description, url and transparent map to UID, SUMMARY,
// LOCATION, DESCRIPTION, URL and TRANSP where those give the value back exactly; the dates are
// read into DTSTART, DTEND and DTSTAMP (all-day events as DATE values) and their arrays kept
// too, since the arrays say more (Apple's minute counts, the local copies) than a DATE-TIME can;
// every other field is kept as an X-ICLOUD- property (kept-fields.ts). docs/ACCOUNTS.md has the
// table. The same JSON always gives the same text.
import { intlZone } from '../../calendars/intl-zone';
import { vtimezone } from '../../calendars/tzdb-vtimezone';
import { unfoldLines } from '../../shared/unfold-content-lines';
import { foldLine } from '../../shared/fold-line';
import { addDays, icalDate, icalDateTime, minutesBetween, readAppleDate, type WallClock } from './apple-dates';
import { keptLines } from './kept-fields';
import { isText, isUriText, joinLines, rawLine, textLine, type LineParams } from './text-lines';

type Json = Record<string, unknown>;

const SINGLE_TEXT = { title: 'SUMMARY', location: 'LOCATION', description: 'DESCRIPTION' } as const;
const UTC_NAMES = new Set(['UTC', 'GMT', 'Etc/UTC', 'Etc/GMT']);

/** How the event's times are written: in a named zone, in UTC, or floating (all-day, "floating", unknown zone). */
type Clock = { kind: 'zone'; tzid: string } | { kind: 'utc' } | { kind: 'floating' };

function clockOf(event: Json): Clock {
  const tz = event.tz;
  if (event.allDay === true || typeof tz !== 'string' || tz === '' || tz === 'floating') return { kind: 'floating' };
  if (UTC_NAMES.has(tz)) return { kind: 'utc' };
  return intlZone(tz) === null ? { kind: 'floating' } : { kind: 'zone', tzid: tz };
}

function dateLine(name: string, wall: WallClock, allDay: boolean, clock: Clock): string {
  if (allDay) return rawLine(name, icalDate(wall), [['VALUE', 'DATE']]);
  const params: LineParams = clock.kind === 'zone' ? [['TZID', clock.tzid]] : [];
  return rawLine(name, `${icalDateTime(wall)}${clock.kind === 'utc' ? 'Z' : ''}`, params);
}

/** DTSTART and DTEND (or DURATION) from the arrays; nothing when the start cannot be read. */
function timeLines(event: Json, clock: Clock): string[] {
  const allDay = event.allDay === true;
  const start = readAppleDate(event.startDate);
  if (!start) return [];
  const lines = [dateLine('DTSTART', start, allDay, clock)];
  const end = readAppleDate(event.endDate);
  if (allDay) {
    // DTEND of a DATE is exclusive (RFC 5545 §3.6.1): at least the next day.
    const last = end && icalDate(end) > icalDate(start) ? end : addDays(start, 1);
    lines.push(dateLine('DTEND', last, true, clock));
  } else if (end && minutesBetween(start, end) >= 0) lines.push(dateLine('DTEND', end, false, clock));
  else if (Number.isInteger(event.duration) && (event.duration as number) >= 0) lines.push(rawLine('DURATION', `PT${event.duration as number}M`));
  return lines;
}

/**
 * DTSTAMP is required (RFC 5545 §3.6.1) and in UTC: the last modification as the service
 * states it, read as UTC (assumed: the reproduction's sources do not say in which zone
 * lastModifiedDate is), else the creation, else the epoch, so the text never depends on the clock.
 */
function stampLine(event: Json): string {
  const when = readAppleDate(event.lastModifiedDate) ?? readAppleDate(event.createdDate);
  return rawLine('DTSTAMP', when ? `${icalDateTime(when)}Z` : '19700101T000000Z');
}

/** The zone's VTIMEZONE lines for the years the event spans (and the year before, as for Graph). */
function timezoneLines(event: Json, clock: Clock): string[] {
  const start = readAppleDate(event.startDate);
  if (clock.kind !== 'zone' || !start) return [];
  const end = readAppleDate(event.endDate);
  const toYear = Math.max(start.year, end?.year ?? start.year);
  return unfoldLines(vtimezone({ iana: clock.tzid, fromYear: start.year - 1, toYear }).toString()).map(foldLine);
}

export function eventToIcal(event: Json): string {
  const mapped = new Set<string>();
  const take = (field: string, check: (value: unknown) => boolean): boolean => {
    if (!check(event[field])) return false;
    mapped.add(field);
    return true;
  };
  const clock = clockOf(event);
  const vevent: string[] = ['BEGIN:VEVENT'];
  if (take('guid', isText)) vevent.push(textLine('UID', event.guid as string, [], 'ical'));
  vevent.push(stampLine(event), ...timeLines(event, clock));
  for (const [field, property] of Object.entries(SINGLE_TEXT)) if (take(field, isText)) vevent.push(textLine(property, event[field] as string, [], 'ical'));
  if (take('url', isUriText)) vevent.push(rawLine('URL', event.url as string));
  if (take('transparent', (v) => typeof v === 'boolean')) vevent.push(rawLine('TRANSP', event.transparent ? 'TRANSPARENT' : 'OPAQUE'));
  vevent.push(...keptLines(event, mapped, 'ical'), 'END:VEVENT');
  return joinLines(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//iCloud web services//EN', ...timezoneLines(event, clock), ...vevent, 'END:VCALENDAR']);
}
