// Wall-clock times as numbers: seconds since 1970-01-01T00:00:00 as if the wall clock were UTC.
// Adding days to a wall time is then plain arithmetic, and an instant is `wall - offset`.

export interface WallParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const DAY = 86_400;

/** Wall seconds of a date and time. Years 0–99 are years 0–99 (Date.UTC would add 1900). */
export function wallFromParts(p: WallParts): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, 0);
  return d.getTime() / 1000;
}

export function partsOfWall(wall: number): WallParts {
  const d = new Date(wall * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "YYYY-MM-DD" */
export function isoDate(wall: number): string {
  const p = partsOfWall(wall);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "YYYY-MM-DDTHH:MM:SS", no offset: a floating time, or the wall part of a fixed one. */
export function isoWall(wall: number): string {
  const p = partsOfWall(wall);
  return `${isoDate(wall)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * "+HH:MM" / "-HH:MM". ISO 8601 offsets have no seconds, and JavaScript's Date cannot read
 * them, so an offset with seconds (local mean time in old VTIMEZONE history) is rounded to the
 * minute; the stored field is for display and sorting, the original stays in the raw text.
 */
export function isoOffset(offsetSeconds: number): string {
  const minutes = Math.round(Math.abs(offsetSeconds) / 60);
  const sign = offsetSeconds < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
