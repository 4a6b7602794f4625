// The calendar web service's dates: arrays ["YYYYMMDD", year, month, day, hour, minute, n], the
// wall clock of the event's zone (`tz`), n being minutes from midnight for a start and
// (24 − hour)·60 + (60 − minute) for an end (pyicloud AppleCalendarEvent,
// AppleDateFormat.from_datetime). Only the numbers are read; the whole array is kept as it came.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const inRange = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** The wall clock an Apple date array states; null for anything else. */
export function readAppleDate(value: unknown): WallClock | null {
  if (!Array.isArray(value) || value.length < 6) return null;
  const [, year, month, day, hour, minute] = value as unknown[];
  if (!inRange(year, 1, 9999) || !inRange(month, 1, 12) || !inRange(day, 1, 31) || !inRange(hour, 0, 24) || !inRange(minute, 0, 59)) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day, hour, minute };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** RFC 5545 §3.3.4 DATE. */
export function icalDate(w: WallClock): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;
}

/** RFC 5545 §3.3.5 DATE-TIME (local form; the caller adds "Z" or a TZID). Hour 24 is the next day's 00. */
export function icalDateTime(w: WallClock): string {
  const t = w.hour === 24 ? addDays({ ...w, hour: 0 }, 1) : w;
  return `${icalDate(t)}T${pad(t.hour)}${pad(t.minute)}00`;
}

export function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Minutes from a to b, both read as the same clock. */
export function minutesBetween(a: WallClock, b: WallClock): number {
  return (Date.UTC(b.year, b.month - 1, b.day, b.hour, b.minute) - Date.UTC(a.year, a.month - 1, a.day, a.hour, a.minute)) / 60000;
}
