// One .ics file from the mirror's calendar objects, for Google Calendar, Apple Calendar, Outlook
// and Thunderbird: a single VCALENDAR (RFC 5545 §3.4) holding every object's components.
//
// Built from the original texts, not with an ical.js parse and stringify per object (2–3×
// slower, measured in one run, and it rewrites values: a DURATION of P1W2D comes back as P9D).
// Each VEVENT, VTODO and VJOURNAL keeps every property and sub-component (VALARM, ATTENDEE,
// X- properties) as served: byte for byte when already valid output, else only refolded
// (ical-lines.ts). Each VTIMEZONE appears once (ical-timezones.ts). An object's own calendar
// properties (VERSION, PRODID, CALSCALE, X-WR-CALNAME, …) give way to the export's. Objects are
// checked structurally (read-calendar-object.ts), and their recurrence rules, which ical.js
// cannot skip (check-rules.ts); one that fails is left out and reported in `skipped` with its
// index in `objects` (the mirror keeps it, flagged). A rule a server stored TEXT-escaped
// ("FREQ=DAILY\;COUNT=10") is written without the escapes, which a RECUR value never has
// (RFC 5545 §3.3.10): as served it would make the whole file unreadable to ical.js, and so to
// Thunderbird. Other values are not interpreted: they pass as served. An object the reader
// refuses for holding several UIDs is still written: each component is whole.
import { ruleReadings, unreadableRule } from '../calendars/check-rules';
import { parseComponent } from '../calendars/parse-component';
import { readCalendarObject, type CalendarObject } from '../calendars/read-calendar-object';
import { escapeIcalText, partSource, writePart } from './ical-lines';
import { TimezoneTable } from './ical-timezones';
import { zonedYears } from './ical-years';
import { definedTzids, resolveUndefinedZones } from './ical-undefined-zones';
import { foldLine } from '../shared/fold-line';
import { crlfAfterEach, withText, type WithText } from './text-parts';

export interface IcsExportOptions {
  /** Written as X-WR-CALNAME, the name Google, Apple and Outlook give the imported calendar. */
  calendarName?: string;
  /**
   * For each object, true when ical.js already read this very text whole when it was stored
   * (the calendar reader parses it: calendars/check-calendar-object.ts): the export's own
   * ical.js check, which doubled an export's time, is then skipped for it.
   */
  parsedWhenStored?: readonly boolean[];
}

export interface SkippedObject {
  /** Position in the `objects` argument. */
  index: number;
  /** A short sentence for a person, from the structural check. */
  reason: string;
}

export interface IcsParts {
  /** The whole .ics in order (`text` joins them): CRLF line endings, ending with a CRLF. */
  parts: string[];
  /** Objects written. */
  count: number;
  skipped: SkippedObject[];
}

export type IcsExport = WithText<IcsParts>;

export const PRODID = '-//Lifeboat//Lifeboat//EN';

/** Adds the object's VTIMEZONEs to the table; returns its TZID renames. */
function addTimezones(object: CalendarObject, table: TimezoneTable, out: string[]): Map<string, string> {
  const renames = new Map<string, string>();
  const seen = new Set<string>();
  const others = object.parts.filter((p) => p.name !== 'VTIMEZONE');
  for (const part of object.parts) {
    if (part.name !== 'VTIMEZONE' || part.tzid === null || seen.has(part.tzid)) continue;
    seen.add(part.tzid);
    const { tzid, added } = table.resolve(part.tzid, partSource(object, part), () => zonedYears(object, others));
    if (added) writePart(out, object, part, new Map(), tzid === part.tzid ? undefined : tzid);
    if (tzid !== part.tzid) renames.set(part.tzid, tzid);
  }
  return renames;
}

/** The object with each TEXT-escaped rule line as ical.js reads it (check-rules.ts); usually itself. */
function withReadableRules(object: CalendarObject): CalendarObject {
  const repairs = ruleReadings(object).filter((r) => r.readable !== null);
  if (repairs.length === 0) return object;
  const texts = object.lines.map((l) => l.text);
  for (const r of repairs) texts[r.index] = r.readable ?? texts[r.index] ?? '';
  const reread = readCalendarObject(texts.join('\r\n'));
  return reread.ok ? reread.object : object;
}

/**
 * ical.js's complaint about the object as it will be written, or null. ical.js reads values of
 * known types eagerly, so one value it refuses ("DTSTART;VALUE=PERIOD:x") makes the whole file
 * unreadable to it (and so to Thunderbird): such an object is left out and reported. The mirror
 * keeps it, flagged by the reader.
 */
function parserComplaint(object: CalendarObject): string | null {
  try {
    parseComponent(object.lines.map((l) => l.text).join('\r\n'));
    return null;
  } catch (e) {
    // A TypeError is ical.js tripping over the value, not a message meant for a person.
    if (!(e instanceof Error) || e instanceof TypeError) return 'The calendar parser could not read one of its values.';
    return `The calendar parser could not read it (${e.message.length > 80 ? `${e.message.slice(0, 79)}…` : e.message}).`;
  }
}

/** Builds one .ics from the objects' original texts. Never throws. */
export function exportIcs(objects: readonly string[], options: IcsExportOptions = {}): IcsExport {
  const table = new TimezoneTable();
  // Lines, not texts: the file is a Blob of them, never one 10 MB string.
  const timezones: string[] = [];
  const components: string[] = [];
  const skipped: SkippedObject[] = [];
  // Every TZID some object defines: an object naming one of them without defining it must not
  // silently take another object's definition (ical-undefined-zones.ts).
  const definedElsewhere = definedTzids(objects);
  const generated = new Map<string, string>();
  objects.forEach((raw, index) => {
    const result = readCalendarObject(raw);
    if (!result.ok) return skipped.push({ index, reason: result.reason });
    const badRule = unreadableRule(result.object);
    if (badRule !== null) return skipped.push({ index, reason: badRule });
    const object = withReadableRules(result.object);
    if (!object.parts.some((p) => p.name !== 'VTIMEZONE')) {
      return skipped.push({ index, reason: 'The calendar item holds nothing but time zones.' });
    }
    const refused = options.parsedWhenStored?.[index] ? null : parserComplaint(object);
    if (refused !== null) return skipped.push({ index, reason: refused });
    const renames = addTimezones(object, table, timezones);
    const others = object.parts.filter((p) => p.name !== 'VTIMEZONE');
    for (const [from, to] of resolveUndefinedZones({ object, others, table, definedElsewhere, out: timezones, generated })) renames.set(from, to);
    for (const part of others) writePart(components, object, part, renames);
  });
  const header = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (options.calendarName !== undefined) header.push(foldLine(`X-WR-CALNAME:${escapeIcalText(options.calendarName)}`));
  // VTIMEZONEs before the components that use them: Outlook reads them in that order.
  const parts = [...crlfAfterEach([...header, ...timezones]), ...crlfAfterEach(components), 'END:VCALENDAR\r\n'];
  return withText({ parts, count: objects.length - skipped.length, skipped });
}
