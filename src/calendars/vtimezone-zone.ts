// A zone from a VTIMEZONE (RFC 5545 §3.6.5), its observances expanded by ical.js.
import ICAL from 'ical.js';
import { EXPANSION_CAP, vtimezoneCost } from './expansion-budget';
import { tabulatedZone, type Zone } from './timezones';
import { DAY, partsOfWall, wallFromParts } from './wall-time';

/** The Gregorian calendar repeats exactly every 400 years (146,097 days). */
const CYCLE = 146_097 * DAY;
const CYCLE_FROM = wallFromParts({ year: 2501, month: 1, day: 1, hour: 0, minute: 0, second: 0 });

/** The earliest observance: its onset (wall time) and the offset in force before it. */
function earliestObservance(component: ICAL.Component): { wall: number; offsetFrom: number } | null {
  let earliest: { wall: number; offsetFrom: number } | null = null;
  for (const observance of component.getAllSubcomponents()) {
    const start = observance.getFirstPropertyValue('dtstart');
    const from = observance.getFirstPropertyValue('tzoffsetfrom');
    if (!(start instanceof ICAL.Time) || !(from instanceof ICAL.UtcOffset)) continue;
    const wall = wallFromParts(start);
    if (earliest === null || wall < earliest.wall) earliest = { wall, offsetFrom: from.toSeconds() };
  }
  return earliest;
}

/**
 * ical.js's `Timezone.utcOffset` takes a wall time and switches at the earlier of the two wall
 * times of a transition, so it reads a repeated hour as the second occurrence and a skipped
 * hour with the new offset, unlike §3.3.5. Asked at `utc + m`, with m the smaller of the
 * offsets on either side, it switches exactly at the transition instant: that gives the
 * offset at an instant, and offsetForWall (timezones.ts) applies §3.3.5 on top.
 * Two more corrections: before the first observance ical.js answers 0, where the offset is the
 * first observance's TZOFFSETFROM (as libical reads it); and it expands rules year by year up
 * to the year asked, 650 ms for 9999, so years after 2500 are asked in 2101–2500 instead, a
 * multiple of 400 years earlier (same weekdays, same leap years: a rule gives the same times).
 */
export function vtimezoneZone(tz: ICAL.Timezone): Zone {
  const first = earliestObservance(tz.component);
  const offsetOfWall = (wall: number): number => {
    if (first !== null && wall < first.wall) return first.offsetFrom;
    return tz.utcOffset(ICAL.Time.fromData({ ...partsOfWall(wall), isDate: false }));
  };
  return tabulatedZone((instant) => {
    const utc = instant < CYCLE_FROM ? instant : instant - Math.ceil((instant - CYCLE_FROM) / CYCLE) * CYCLE;
    const m = Math.min(offsetOfWall(utc - DAY), offsetOfWall(utc + DAY));
    return offsetOfWall(utc + m);
  });
}

// ical.js expands a VTIMEZONE's rules from its first observance: Outlook's start in 1601, which
// costs ~40 ms. A server sends the same few definitions with every object, so each definition
// is expanded once and kept (keyed by its text; few distinct ones, the cap is only a guard).
const known = new Map<string, VtimezoneReading>();

export interface VtimezoneReading {
  /** The zone it defines, or null when ical.js cannot expand it or it costs too much. */
  zone: Zone | null;
  /** Its rules would expand to more than EXPANSION_CAP occurrences (expansion-budget.ts). */
  tooComplex: boolean;
}

/** Reads a VTIMEZONE component within the expansion budget. Never throws. */
export function readVtimezone(component: ICAL.Component): VtimezoneReading {
  const key = JSON.stringify(component.jCal);
  let reading = known.get(key);
  if (reading !== undefined) return reading;
  if (vtimezoneCost(component) > EXPANSION_CAP) reading = { zone: null, tooComplex: true };
  else {
    try {
      const zone = vtimezoneZone(new ICAL.Timezone(component));
      zone.offsetAt(0); // expands the observances now, so a broken one fails here
      reading = { zone, tooComplex: false };
    } catch {
      reading = { zone: null, tooComplex: false };
    }
  }
  if (known.size > 64) known.clear();
  known.set(key, reading);
  return reading;
}

/** The zone a VTIMEZONE component defines, or null when it cannot be read within the budget. */
export function zoneOfVtimezone(component: ICAL.Component): Zone | null {
  return readVtimezone(component).zone;
}
