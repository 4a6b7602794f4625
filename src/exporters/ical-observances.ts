// What a VTIMEZONE defines, as one comparable string: its observances (RFC 5545 §3.6.5), each
// with its kind, TZOFFSETFROM, TZOFFSETTO, DTSTART, RRULEs and RDATEs, in a canonical order.
// Everything that does not move an instant is left out: TZNAME, COMMENT, DTSTAMP,
// LAST-MODIFIED, TZURL, X- properties (X-LIC-LOCATION, X-TZINFO, …), property and observance
// order, folding and line breaks. Two copies with the same key define the same zone, which the
// export can then keep once without expanding either (a copy may be too costly to expand:
// expansion-budget.ts).
import ICAL from 'ical.js';
import { parseComponent } from '../calendars/parse-component';

/** A RECUR value with its parts in a fixed order and the default INTERVAL=1 left out (§3.3.10). */
function recurKey(recur: ICAL.Recur): string {
  const parts = recur.parts as Readonly<Record<string, readonly unknown[] | undefined>>;
  const fields = [`FREQ=${String(recur.freq)}`];
  if (Number(recur.interval) > 1) fields.push(`INTERVAL=${Number(recur.interval)}`);
  if (recur.count) fields.push(`COUNT=${Number(recur.count)}`);
  if (recur.until) fields.push(`UNTIL=${recur.until.toICALString()}`);
  if (recur.wkst !== undefined && recur.wkst !== ICAL.Time.MONDAY) fields.push(`WKST=${String(recur.wkst)}`);
  for (const name of Object.keys(parts).sort()) fields.push(`${name}=${(parts[name] ?? []).map(String).sort().join(',')}`);
  return fields.join(';');
}

function valueKey(value: unknown): string {
  if (value instanceof ICAL.UtcOffset) return String(value.toSeconds());
  if (value instanceof ICAL.Time) return value.toICALString();
  if (value instanceof ICAL.Recur) return recurKey(value);
  return String(value);
}

const DEFINING = ['tzoffsetfrom', 'tzoffsetto', 'dtstart', 'rrule', 'rdate'];

function observanceKey(observance: ICAL.Component): string {
  const fields = DEFINING.map((name) => {
    const values = observance.getAllProperties(name).flatMap((p) => p.getValues().map(valueKey));
    return `${name}=${values.sort().join(',')}`;
  });
  return `${observance.name}{${fields.join(';')}}`;
}

/** The canonical key of a VTIMEZONE's text, or null when it cannot be parsed. Never throws. */
export function vtimezoneKey(text: string): string | null {
  try {
    const component = parseComponent(text);
    return component.getAllSubcomponents().map(observanceKey).sort().join('\n');
  } catch {
    return null;
  }
}
