// A VTIMEZONE for an IANA zone (RFC 5545 §3.6.5), for every year an event or series spans: for
// converted Graph events, and for objects an export joins that name a zone without defining it. Zones change their rules (Cairo brought DST back in 2023, Paraguay dropped it in
// 2024), follow the moon (Casablanca, Gaza: Ramadan) or a rule no RRULE can state (Jerusalem:
// "the Friday before the last Sunday"), so one year's transitions made into yearly rules are
// wrong by an hour for weeks of other years. Instead, each transition of each spanned year is
// written out (an observance per kind of change, its other onsets as RDATEs), taken from the
// tz database the browser carries (Intl, the same IANA data every other zone here comes from).
// After the span, the zone goes on with the rules timezones-ical-library states for it (also the
// IANA data), only when they give the span's last year exactly: else its last offset stays.
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { intlZone } from './intl-zone';
import type { Zone } from './timezones';
import { vtimezoneZone } from './vtimezone-zone';
import { isoWall, wallFromParts } from './wall-time';

export interface VtimezoneSpan {
  iana: string;
  /** First and last year (inclusive) whose transitions are written out. */
  fromYear: number;
  toYear: number;
}

function utcOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function wallTime(wall: number): ICAL.Time {
  return ICAL.Time.fromDateTimeString(isoWall(wall));
}

interface Onset {
  /** Wall time at the onset, on the clock before it (RFC 5545 §3.6.5: DTSTART is local time). */
  wall: number;
  from: number;
  to: number;
}

/** Transitions of the span's years, each with the offset it leaves. */
function onsetsOf(zone: Zone, fromYear: number, toYear: number): { first: number; onsets: Onset[] } {
  const onsets: Onset[] = [];
  let previous: number | null = null;
  for (let year = fromYear; year <= toYear; year++) {
    for (const t of zone.year(year)) {
      if (previous !== null && t.offset !== previous) onsets.push({ wall: t.at + previous, from: previous, to: t.offset });
      previous = t.offset;
    }
  }
  return { first: zone.year(fromYear)[0]?.offset ?? 0, onsets };
}

function observance(kind: 'standard' | 'daylight', onsets: readonly Onset[]): ICAL.Component {
  const [head, ...rest] = onsets;
  const part = new ICAL.Component(kind);
  part.addPropertyWithValue('dtstart', wallTime(head?.wall ?? 0));
  part.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromString(utcOffset(head?.from ?? 0)));
  part.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromString(utcOffset(head?.to ?? 0)));
  for (const o of rest) part.addPropertyWithValue('rdate', wallTime(o.wall));
  return part;
}

/** The library's observances moved to start after `toYear`, when they give `toYear` as `zone` does. */
function continuation(iana: string, zone: Zone, toYear: number): ICAL.Component[] {
  let component: ICAL.Component;
  try {
    const block = tzlib_get_ical_block(iana);
    component = new ICAL.Component(ICAL.parse(Array.isArray(block) ? (block[0] ?? '') : '') as unknown[]);
  } catch {
    return [];
  }
  const rules = vtimezoneZone(new ICAL.Timezone(component));
  const same = (year: number) => JSON.stringify(rules.year(year)) === JSON.stringify(zone.year(year));
  if (!same(toYear) || !same(toYear - 1)) return [];
  const after = wallFromParts({ year: toYear + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  const out: ICAL.Component[] = [];
  for (const part of component.getAllSubcomponents()) {
    const start = part.getFirstPropertyValue('dtstart');
    const rule = part.getFirstPropertyValue('rrule');
    if (!(start instanceof ICAL.Time) || !(rule instanceof ICAL.Recur)) continue;
    // The first onset after the span, so the written history and the rule never overlap.
    const iterator = rule.iterator(start);
    let next = iterator.next();
    while (next !== null && next.toUnixTime() < after) next = iterator.next();
    if (next === null) continue;
    const moved = new ICAL.Component(part.name);
    moved.addPropertyWithValue('dtstart', next);
    for (const name of ['tzoffsetfrom', 'tzoffsetto', 'tzname', 'rrule']) {
      const property = part.getFirstProperty(name);
      if (property) moved.addProperty(ICAL.Property.fromString(property.toICALString()));
    }
    out.push(moved);
  }
  return out;
}

/** A VTIMEZONE for `iana`, exact for every year of the span, continued by rule after it. */
export function vtimezone({ iana, fromYear, toYear }: VtimezoneSpan): ICAL.Component {
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', iana);
  const zone = intlZone(iana);
  const { first, onsets } = zone === null ? { first: 0, onsets: [] } : onsetsOf(zone, fromYear, toYear);
  const start = wallFromParts({ year: fromYear, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  tz.addSubcomponent(observance('standard', [{ wall: start, from: first, to: first }]));
  const standard = Math.min(first, ...onsets.map((o) => o.to));
  const groups = new Map<string, Onset[]>();
  for (const o of onsets) {
    const key = `${o.to > standard ? 'daylight' : 'standard'} ${o.from} ${o.to}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const [key, group] of groups) tz.addSubcomponent(observance(key.startsWith('daylight') ? 'daylight' : 'standard', group));
  if (zone !== null) for (const part of continuation(iana, zone, toYear)) tz.addSubcomponent(part);
  return tz;
}
