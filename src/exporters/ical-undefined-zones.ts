// A calendar object may name a TZID it does not define (RFC 5545 §3.2.19 wants a VTIMEZONE for
// every TZID; clients and servers in the wild leave it out and mean the IANA zone of that name).
// Alone, such an object is read with the reader's own tz data. Joined into one export with
// another object that does define that TZID, it would silently take that other definition: a
// DAYLIGHT-only Europe/Berlin from 2018 would move a 2013 event by an hour. So when another
// object of the export defines the name, the tz database's definition (tzdb-vtimezone.ts) stands
// in for the missing one and goes through the same conflict check as any served copy: shared
// where it agrees with the kept definition over the object's years, else kept under "NAME (2)".
import type { CalendarObject, ObjectPart } from '../calendars/read-calendar-object';
import { tzidOf } from '../calendars/read-calendar-object';
import { intlZone } from '../calendars/intl-zone';
import { vtimezone } from '../calendars/tzdb-vtimezone';
import type { TimezoneTable } from './ical-timezones';
import { zonedYears } from './ical-years';
import { foldLine } from '../shared/fold-line';

const VTIMEZONE_TZID = /BEGIN:VTIMEZONE\r?\n(?:[^\r\n]*\r?\n)*?TZID[^:\r\n]*:([^\r\n]*)/gi;

/**
 * The TZIDs the objects' VTIMEZONEs define, from a cheap scan of their texts (a folded TZID
 * value is rare and then only costs the check it would have had). No object is kept parsed.
 */
export function definedTzids(objects: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of objects) for (const m of raw.matchAll(VTIMEZONE_TZID)) out.add(m[1]!.trim());
  return out;
}

/** The TZIDs the object's components name without a VTIMEZONE of the object defining them. */
export function undefinedTzids(object: CalendarObject): string[] {
  const defined = new Set(object.parts.filter((p) => p.name === 'VTIMEZONE').map((p) => p.tzid));
  const named = new Set<string>();
  for (const part of object.parts) {
    if (part.name === 'VTIMEZONE') continue;
    for (let i = part.begin; i <= part.end; i++) {
      const line = object.lines[i]?.line;
      const tzid = line === undefined ? null : tzidOf(line);
      if (tzid !== null && !defined.has(tzid)) named.add(tzid);
    }
  }
  return [...named];
}

/**
 * Resolves the object's undefined TZIDs that other objects of the export define (`definedElsewhere`):
 * adds the tz database's definition to `out` where it is new, and returns the TZID renames.
 */
export function resolveUndefinedZones(params: {
  object: CalendarObject;
  others: readonly ObjectPart[];
  table: TimezoneTable;
  definedElsewhere: ReadonlySet<string>;
  out: string[];
  /** The export's generated definitions by zone and span: many objects share a few of them. */
  generated: Map<string, string>;
}): Map<string, string> {
  const { object, others, table, definedElsewhere, out, generated } = params;
  const renames = new Map<string, string>();
  for (const tzid of undefinedTzids(object)) {
    if (!definedElsewhere.has(tzid) || intlZone(tzid) === null) continue;
    const span = zonedYears(object, others);
    if (span === null) continue;
    const key = `${tzid}\u0000${span.from}\u0000${span.to}`;
    let text = generated.get(key);
    if (text === undefined) generated.set(key, (text = vtimezone({ iana: tzid, fromYear: span.from - 1, toYear: span.to }).toString()));
    const { tzid: name, added } = table.resolve(tzid, text, () => span);
    if (added) {
      const component = vtimezone({ iana: tzid, fromYear: span.from - 1, toYear: span.to });
      if (name !== tzid) component.updatePropertyWithValue('tzid', name);
      for (const line of component.toString().split(/\r?\n(?![ \t])/)) if (line !== '') out.push(foldLine(line.replace(/\r?\n[ \t]/g, '')));
    }
    if (name !== tzid) renames.set(tzid, name);
  }
  return renames;
}
