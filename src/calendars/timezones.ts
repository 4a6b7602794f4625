// Time zones as functions from an instant to a UTC offset, whatever defines them (a VTIMEZONE
// in the object, see vtimezone-zone.ts, or the browser's IANA database, see intl-zone.ts).
// Both sources are slow to ask (ical.js: ~12 µs a question, three per instant), so a zone
// finds each year's transitions once and answers from that table.
import { DAY, wallFromParts } from './wall-time';

/** From `at` (seconds since the epoch) on, until the next transition, the offset is `offset`. */
export interface Transition {
  at: number;
  /** Seconds east of UTC. */
  offset: number;
}

export interface Zone {
  /** Seconds east of UTC at the instant `utc` (seconds since the epoch). */
  offsetAt(utc: number): number;
  /** The offset at the start of a (UTC) year, then every change within it, in order. */
  year(year: number): readonly Transition[];
}

const WEEK = 7 * DAY;

function yearStart(year: number): number {
  return wallFromParts({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
}

/**
 * One year's transitions of an offset function: sampled weekly, each change then found to the
 * second by bisection (~90 questions a year). Two changes within one week that cancel out
 * would be missed; real zones change a few times a year at most, weeks apart.
 */
function transitionsOf(offsetAt: (utc: number) => number, year: number): Transition[] {
  const end = yearStart(year + 1);
  let t = yearStart(year);
  let offset = offsetAt(t);
  const out: Transition[] = [{ at: t, offset }];
  while (t < end) {
    const next = Math.min(t + WEEK, end);
    const later = offsetAt(next);
    if (later !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, offset: later });
      offset = later;
    }
    t = next;
  }
  return out;
}

/** A zone that asks `slowOffsetAt` only to build each year's table of transitions. */
export function tabulatedZone(slowOffsetAt: (utc: number) => number): Zone {
  const years = new Map<number, Transition[]>();
  const year = (y: number): Transition[] => {
    let table = years.get(y);
    if (table === undefined) years.set(y, (table = transitionsOf(slowOffsetAt, y)));
    return table;
  };
  return {
    year,
    offsetAt(utc) {
      const table = year(new Date(utc * 1000).getUTCFullYear());
      let offset = table[0]?.offset ?? 0;
      for (const tr of table) {
        if (tr.at > utc) break;
        offset = tr.offset;
      }
      return offset;
    },
  };
}

/**
 * The offset of a wall time in `zone`, as RFC 5545 §3.3.5 reads it: a time that occurs twice
 * (the hour repeated when clocks go back) is the first occurrence; a time that does not exist
 * (the hour skipped when clocks go forward) is read "using the UTC offset before the gap".
 * Assumes at most one transition within a day of `wall`, as in every real zone.
 */
export function offsetForWall(zone: Zone, wall: number): number {
  const before = zone.offsetAt(wall - DAY);
  const after = zone.offsetAt(wall + DAY);
  if (before === after) return before;
  if (zone.offsetAt(wall - before) === before) return before;
  if (zone.offsetAt(wall - after) === after) return after;
  return before;
}
