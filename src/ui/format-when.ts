// An item's start and end in the person's own words and time zone. The stored values are ISO
// 8601: with an offset (a fixed moment), without one (floating: the same wall time anywhere),
// or a bare date (all day, whose end is exclusive, as iCalendar writes it).
import { personLocale } from '../catalog/person-locale';

const DAY = 86_400_000;

function isDateOnly(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso);
}

/** A bare date read as a local date (Date would read it as UTC midnight). */
function toDate(iso: string): Date {
  return isDateOnly(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
}

export function formatMoment(iso: string, locale = personLocale()): string {
  const date = toDate(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return isDateOnly(iso)
    ? date.toLocaleDateString(locale, { dateStyle: 'full' })
    : date.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
}

export function formatWhen(start: string | null, end: string | null, locale = personLocale()): string {
  if (start === null) return end === null ? '' : formatMoment(end, locale);
  if (end === null || end === start) return formatMoment(start, locale);
  // All day: the last day is the one before the exclusive end.
  const last = isDateOnly(end) ? new Date(toDate(end).getTime() - DAY / 2) : toDate(end);
  if (isDateOnly(start) && toDate(start).toDateString() === last.toDateString()) return formatMoment(start, locale);
  const sameDay = toDate(start).toDateString() === last.toDateString();
  const endText = sameDay
    ? last.toLocaleTimeString(locale, { timeStyle: 'short' })
    : isDateOnly(end)
      ? last.toLocaleDateString(locale, { dateStyle: 'full' })
      : last.toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
  return `${formatMoment(start, locale)} – ${endText}`;
}

/** The local calendar day an item starts on, as "YYYY-MM-DD", for grouping and the month grid. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
