// One VTIMEZONE per TZID in an export that joins many objects, each of which carries its own
// copy (RFC 5545 §3.6.5: a TZID names one definition within an iCalendar object).
//
// Copies are nearly always the same text, and are then kept once. Copies whose text differs
// but whose observances are the same (ical-observances.ts: DTSTAMP, LAST-MODIFIED, TZNAME, X-
// properties, order and folding aside) are the same definition, kept once without expanding
// either. When two objects bring really different definitions of one TZID, the later one is
// compared with the kept one over the years
// its own date-times reach (ical-years.ts): if the two give the same UTC offsets there (servers
// differ in how much history they spell out, or in X-LIC-LOCATION, …), the object shares the
// kept one, so its TZID stays the IANA name importers such as Google map by name. If they differ
// there (a definition from before the zone's rules changed), keeping only the first would move
// that object's events by an hour: the later definition is kept as well, under a new TZID
// ("Europe/Berlin (2)"), and the object's TZID parameters are rewritten to it.
import { parseComponent } from '../calendars/parse-component';
import type { Zone } from '../calendars/timezones';
import { zoneOfVtimezone } from '../calendars/vtimezone-zone';
import { vtimezoneKey } from './ical-observances';
import type { YearSpan } from './ical-years';

interface Definition {
  /** The VTIMEZONE's text (partSource in ical-lines.ts): identity and ical.js input. */
  text: string;
  zone: Zone | null | undefined;
  /** Its observances, canonical (ical-observances.ts); null when unparsable; undefined until asked. */
  key: string | null | undefined;
}

interface Variant {
  tzid: string;
  definition: Definition;
}

function zoneOf(d: Definition): Zone | null {
  if (d.zone === undefined) {
    try {
      d.zone = zoneOfVtimezone(parseComponent(d.text));
    } catch {
      d.zone = null;
    }
  }
  return d.zone;
}

function keyOf(d: Definition): string | null {
  if (d.key === undefined) d.key = vtimezoneKey(d.text);
  return d.key;
}

/** Same observances, whatever the text (both parsable). */
function sameObservances(a: Definition, b: Definition): boolean {
  const key = keyOf(a);
  return key !== null && key === keyOf(b);
}

function sameYear(a: Zone, b: Zone, year: number): boolean {
  const ta = a.year(year);
  const tb = b.year(year);
  return ta.length === tb.length && ta.every((t, i) => t.at === tb[i]?.at && t.offset === tb[i]?.offset);
}

export class TimezoneTable {
  private readonly variants = new Map<string, Variant[]>();
  private readonly definitions = new Map<string, Definition>();
  private readonly taken = new Set<string>();
  private readonly agreeing = new Map<string, boolean>();

  /**
   * Registers one object's definition of `tzid` and says which TZID the object must use for it,
   * and whether that is a new definition the export must include (`added`).
   */
  resolve(tzid: string, text: string, years: () => YearSpan | null): { tzid: string; added: boolean } {
    const definition = this.definitionOf(text);
    const known = this.variants.get(tzid) ?? [];
    const same = known.find((v) => v.definition === definition);
    if (same !== undefined) return { tzid: same.tzid, added: false };
    const equivalent = known.find((v) => sameObservances(v.definition, definition));
    if (equivalent !== undefined) return { tzid: equivalent.tzid, added: false };
    const span = known.length === 0 ? null : years();
    // An object none of whose date-times use the zone cannot be moved by it: share the first.
    if (known[0] !== undefined && span === null) return { tzid: known[0].tzid, added: false };
    const agreeing = span === null ? undefined : known.find((v) => this.agree(v.definition, definition, span));
    if (agreeing !== undefined) return { tzid: agreeing.tzid, added: false };
    let name = tzid;
    for (let n = known.length + 1; this.taken.has(name); n++) name = `${tzid} (${n})`;
    this.taken.add(name);
    this.variants.set(tzid, [...known, { tzid: name, definition }]);
    return { tzid: name, added: true };
  }

  private definitionOf(text: string): Definition {
    let d = this.definitions.get(text);
    if (d === undefined) this.definitions.set(text, (d = { text, zone: undefined, key: undefined }));
    return d;
  }

  /** Same offsets in every year of the span (each year's answer cached: many objects ask). */
  private agree(a: Definition, b: Definition, span: YearSpan): boolean {
    const za = zoneOf(a);
    const zb = zoneOf(b);
    if (za === null || zb === null) return false;
    for (let year = span.from; year <= span.to; year++) {
      const key = `${a.text}\u0000${b.text}\u0000${year}`;
      let same = this.agreeing.get(key);
      if (same === undefined) this.agreeing.set(key, (same = sameYear(za, zb, year)));
      if (!same) return false;
    }
    return true;
  }
}
