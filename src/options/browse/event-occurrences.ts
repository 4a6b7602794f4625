// Events as the agenda and the month grid show them: one entry per date, a repeating event
// expanded into each of its dates inside the window shown (calendars/occurrences-in-window.ts),
// each entry still the item it comes from (selecting one opens that item).
import { occurrencesInWindow, type DayWindow } from '../../calendars/occurrences-in-window';
import type { ItemRecord } from '../../model/item';

/** One date of an event: the item with that date's start, end and title, and a key of its own. */
export type ShownEvent = ItemRecord & { occurrenceKey: string };

export function eventsInWindow(items: readonly ItemRecord[], window: DayWindow): ShownEvent[] {
  const shown: ShownEvent[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    for (const o of occurrencesInWindow({ raw: item.raw, degraded: item.degraded, start: item.start, end: item.end, title: item.title, recurring: item.recurring }, window)) {
      shown.push({ ...item, start: o.start, end: o.end, title: o.title, occurrenceKey: `${item.id} ${o.start}` });
    }
  }
  return shown.sort((a, b) => compareStart(a.start, b.start));
}

export function compareStart(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "YYYY-MM-DD" plus a number of days (negative for earlier), in the calendar, not in hours. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}
