// A VTIMEZONE for an IANA zone (RFC 5545 §3.6.5), for every year a converted Graph event or
// series spans. Zones change their rules (Cairo brought DST back in 2023, Paraguay dropped it in
// 2024), follow the moon (Casablanca, Gaza: Ramadan) or a rule no RRULE can state (Jerusalem:
// "the Friday before the last Sunday"), so one year's transitions made into yearly rules are
// wrong by an hour for weeks of other years. Instead, each transition of each spanned year is
// written out (an observance per kind of change, its other onsets as RDATEs), taken from the
// tz database the browser carries (Intl, the same IANA data every other zone here comes from).
// After the span, the zone goes on with the rules timezones-ical-library states for it (also the
// IANA data), only when they give the span's last year exactly: else its last offset stays.
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { intlZone } from '../../calendars/intl-zone';
import type { Zone } from '../../calendars/timezones';
import { vtimezoneZone } from '../../calendars/vtimezone-zone';
import { isoWall, wallFromParts } from '../../calendars/wall-time';
import type { GraphRecurrence } from './recurrence-rule';

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

/** Days one step of each Graph pattern can take at most (a month: 31, a year: 366). */
const STEP_DAYS = { daily: 1, weekly: 7, absoluteMonthly: 31, relativeMonthly: 31, absoluteYearly: 366, relativeYearly: 366 } as const;

/** A series without end is written out to this year, then continued by rule. */
export const OPEN_SERIES_LAST_YEAR = 2037;

/**
 * The years a VTIMEZONE must spell out for an event or series: from the year before it starts
 * (an occurrence early on 1 January may fall in the previous year in UTC) to the year its
 * recurrence range ends (https://learn.microsoft.com/en-us/graph/api/resources/recurrencerange).
 */
export function seriesYears(params: { start: string; end: string; recurrence?: GraphRecurrence | null }): { fromYear: number; toYear: number } {
  const fromYear = Number(params.start.slice(0, 4)) - 1;
  let toYear = Number(params.end.slice(0, 4));
  const range = params.recurrence?.range;
  const pattern = params.recurrence?.pattern;
  if (range?.type === 'endDate' && range.endDate) toYear = Math.max(toYear, Number(range.endDate.slice(0, 4)));
  else if (range?.type === 'numbered' && pattern) {
    const days = (range.numberOfOccurrences ?? 1) * (pattern.interval ?? 1) * STEP_DAYS[pattern.type];
    toYear = Math.max(toYear, fromYear + 1 + Math.ceil(days / 365));
  } else if (range !== undefined) toYear = Math.max(toYear, OPEN_SERIES_LAST_YEAR, fromYear + 2);
  return { fromYear, toYear: Math.min(toYear, fromYear + 400) };
}
