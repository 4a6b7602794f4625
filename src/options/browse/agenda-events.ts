// The agenda's page of events: single events read from the start index as before, and every
// repeating series that began before the page's end, expanded into its dates on that page. The
// page ends where the page of single events ends (when it is full), or a year from today, so a
// series that began years ago still shows its next date under "Upcoming".
import { agenda, recurringEventsBefore, type PageOptions } from '../../db/browse-items';
import type { LifeboatDb } from '../../db/schema';
import { addDays, compareStart, eventsInWindow, type ShownEvent } from './event-occurrences';

/** How far from today the agenda looks for a series' dates when single events do not say. */
const HORIZON_DAYS = 366;
/** Series read at most for one page. */
const SERIES_LIMIT = 2000;

export async function agendaEvents(db: LifeboatDb, today: string, direction: 'upcoming' | 'past', options: PageOptions): Promise<{ events: ShownEvent[]; full: boolean }> {
  const read = await agenda(db, today, direction, options);
  const full = read.length === options.limit;
  const singles = read.filter((item) => !item.recurring);
  const edge = full && singles.length > 0 ? singles[singles.length - 1]!.start!.slice(0, 10) : null;
  const window =
    direction === 'upcoming'
      ? { from: today, to: edge ? addDays(edge, 1) : addDays(today, HORIZON_DAYS) }
      : { from: edge ?? addDays(today, -HORIZON_DAYS), to: today };
  const series = await recurringEventsBefore(db, window.to, { limit: SERIES_LIMIT, showDeleted: options.showDeleted });
  const dates = eventsInWindow(series, window);
  const merged = [...singles.map((item): ShownEvent => ({ ...item, occurrenceKey: item.id })), ...dates].sort((a, b) => compareStart(a.start, b.start));
  if (direction === 'past') merged.reverse();
  return { events: merged.slice(0, options.limit), full: full || merged.length > options.limit };
}
