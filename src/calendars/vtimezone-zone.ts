// A zone from a VTIMEZONE (RFC 5545 §3.6.5), its observances expanded by ical.js.
import ICAL from 'ical.js';
import { tabulatedZone, type Zone } from './timezones';
import { DAY, partsOfWall } from './wall-time';

/**
 * ical.js's `Timezone.utcOffset` takes a wall time and switches at the earlier of the two wall
 * times of a transition, so it reads a repeated hour as the second occurrence and a skipped
 * hour with the new offset, unlike §3.3.5. Asked at `utc + m`, with m the smaller of the
 * offsets on either side, it switches exactly at the transition instant: that gives the
 * offset at an instant, and offsetForWall (timezones.ts) applies §3.3.5 on top.
 */
export function vtimezoneZone(tz: ICAL.Timezone): Zone {
  const offsetOfWall = (wall: number): number => tz.utcOffset(ICAL.Time.fromData({ ...partsOfWall(wall), isDate: false }));
  return tabulatedZone((utc) => {
    const m = Math.min(offsetOfWall(utc - DAY), offsetOfWall(utc + DAY));
    return offsetOfWall(utc + m);
  });
}

// ical.js expands a VTIMEZONE's rules from its first observance: Outlook's start in 1601, which
// costs ~40 ms. A server sends the same few definitions with every object, so each definition
// is expanded once and kept (keyed by its text; few distinct ones, the cap is only a guard).
const known = new Map<string, Zone | null>();

/** The zone a VTIMEZONE component defines, or null when ical.js cannot expand it. */
export function zoneOfVtimezone(component: ICAL.Component): Zone | null {
  const key = JSON.stringify(component.jCal);
  let zone = known.get(key);
  if (zone !== undefined) return zone;
  try {
    zone = vtimezoneZone(new ICAL.Timezone(component));
    zone.offsetAt(0); // expands the observances now, so a broken one fails here
  } catch {
    zone = null;
  }
  if (known.size > 64) known.clear();
  known.set(key, zone);
  return zone;
}
