// The occurrences of one calendar object that start inside a window of days, for the agenda and
// the month grid: a repeating event appears on each of its dates, not only its first.
//
// The rule (RRULE, RDATE, EXDATE; RFC 5545 §3.8.5) is expanded by ical.js in the event's own
// wall time, as §3.3.10 defines it, and each date is then placed in its zone by the object's own
// VTIMEZONEs (objectZones, which keeps the per-item budget for hostile definitions). An override
// (a component with the series' UID and a RECURRENCE-ID) replaces the occurrence it names; one
// with STATUS:CANCELLED removes it. Expansion stops at the window's end and after a hard cap of
// steps per series, so a rule of every second from 1601 costs the same as a weekly one. An item
// read only in part (`degraded`) is never expanded: its start alone is shown, as before.
import ICAL from 'ical.js';
import { objectZones } from './object-zones';
import { parseComponent } from './parse-component';
import { addDuration, formatTime, impliedEnd, timeFromIcal, type TimeValue, type ZoneLookup } from './time-values';
import { NO_TITLE } from './calendar-fields';

/** Steps of one series' rule, from its first date, before expansion gives up. */
export const SERIES_STEP_CAP = 20_000;

/** Days as "YYYY-MM-DD": occurrences starting on `from` up to, not including, `to`. */
export interface DayWindow {
  from: string;
  to: string;
}

export interface Occurrence {
  /** ISO 8601 as the listing stores it (offset when zoned, none when floating, bare date all day). */
  start: string;
  end: string | null;
  title: string;
  /** Part of a repeating series (shown with a "repeats" mark). */
  repeats: boolean;
  /** An override moved or changed this occurrence. */
  overridden: boolean;
}

export interface SeriesInput {
  raw: string;
  /** The reader's mark for a text read only in part: not expanded. */
  degraded?: string | undefined;
  /** The listing's start, end and title, used when the text is not expanded. */
  start: string | null;
  end: string | null;
  title: string;
  recurring: boolean;
}

const dayOf = (iso: string): string => iso.slice(0, 10);
const inside = (iso: string, window: DayWindow): boolean => dayOf(iso) >= window.from && dayOf(iso) < window.to;

/** The moment a time stands for, in seconds; floating and all-day times by their wall clock. */
function instant(v: TimeValue): number {
  return v.kind === 'zoned' ? v.wall - v.offset : v.wall;
}

function readTime(comp: ICAL.Component, name: string, zoneFor: ZoneLookup): TimeValue | null {
  try {
    const property = comp.getFirstProperty(name);
    const value = property?.getFirstValue();
    if (!(value instanceof ICAL.Time)) return null;
    const tzid = property?.getParameter('tzid');
    return timeFromIcal(value, typeof tzid === 'string' ? tzid : null, zoneFor);
  } catch {
    return null;
  }
}

function titleOf(comp: ICAL.Component, fallback: string): string {
  const value = comp.getFirstPropertyValue('summary');
  const text = typeof value === 'string' ? value.replace(/\s*[\r\n]+\s*/g, ' ').trim() : '';
  return text === '' ? fallback : text;
}

function cancelled(comp: ICAL.Component): boolean {
  return String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/** How long each occurrence lasts: DTEND − DTSTART, or DURATION, or none. */
function lengthOf(master: ICAL.Component): ICAL.Duration | null {
  const duration = master.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) return duration;
  const start = master.getFirstPropertyValue('dtstart');
  const end = master.getFirstPropertyValue('dtend');
  return start instanceof ICAL.Time && end instanceof ICAL.Time ? end.subtractDate(start) : null;
}

function single(series: SeriesInput, window: DayWindow): Occurrence[] {
  if (series.start === null || !inside(series.start, window)) return [];
  return [{ start: series.start, end: series.end, title: series.title, repeats: series.recurring, overridden: false }];
}

/** The occurrences of `series` that start inside `window`, in order of start. */
export function occurrencesInWindow(series: SeriesInput, window: DayWindow, stepCap = SERIES_STEP_CAP): Occurrence[] {
  if (!series.recurring || series.degraded !== undefined) return single(series, window);
  let calendar: ICAL.Component;
  try {
    calendar = parseComponent(series.raw);
  } catch {
    return single(series, window);
  }
  const components = calendar.getAllSubcomponents('vevent');
  const master = components.find((c) => !c.hasProperty('recurrence-id'));
  if (master === undefined) return single(series, window);
  let tooComplex = false;
  const zoneFor = objectZones(calendar, () => (tooComplex = true));
  const first = readTime(master, 'dtstart', zoneFor);
  if (first === null || tooComplex) return single(series, window);
  const title = titleOf(master, series.title || NO_TITLE);
  const length = lengthOf(master);
  const tzid = master.getFirstProperty('dtstart')?.getParameter('tzid');
  const zoneName = typeof tzid === 'string' ? tzid : null;

  const overrides = new Map<number, ICAL.Component>();
  for (const c of components) {
    const id = c === master ? null : readTime(c, 'recurrence-id', zoneFor);
    if (id !== null) overrides.set(instant(id), c);
  }

  const out: Occurrence[] = [];
  try {
    const dates = new ICAL.RecurExpansion({ component: master, dtstart: master.getFirstPropertyValue('dtstart') as ICAL.Time });
    for (let step = 0; step < stepCap; step++) {
      const next = dates.next();
      if (!next) break;
      const start = timeFromIcal(next, next.isDate ? null : zoneName, zoneFor);
      const iso = formatTime(start);
      if (dayOf(iso) >= window.to) break;
      if (overrides.has(instant(start)) || !inside(iso, window)) continue;
      const end = length === null ? impliedEnd(start) : addDuration(start, length);
      out.push({ start: iso, end: formatTime(end), title, repeats: true, overridden: false });
    }
  } catch {
    // A rule ical.js cannot follow: the dates found so far stand.
  }
  for (const override of overrides.values()) {
    if (cancelled(override)) continue;
    const start = readTime(override, 'dtstart', zoneFor);
    if (start === null || !inside(formatTime(start), window)) continue;
    const own = lengthOf(override) ?? length;
    const end = readTime(override, 'dtend', zoneFor) ?? (own === null ? impliedEnd(start) : addDuration(start, own));
    out.push({ start: formatTime(start), end: formatTime(end), title: titleOf(override, title), repeats: true, overridden: true });
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
