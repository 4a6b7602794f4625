// One delta round on a calendar's events. Graph has two delta functions for events
// (https://learn.microsoft.com/en-us/graph/api/event-delta?view=graph-rest-beta):
// - on calendarView (v1.0): bounded by a start and an end, it answers with single instances,
//   occurrences and exceptions: a series comes expanded, without its recurrence, and only
//   inside the window;
// - on a calendar's events (/me/calendars/{id}/events/delta, beta only): every event of the
//   calendar, unbounded, as single instances and series masters; each entry carries only id,
//   type, start and end, and the client reads the changed events with GET /events/{id}.
// Lifeboat keeps each series as one iCalendar object with its RRULE, RECURRENCE-ID and EXDATE
// (event-to-ical.ts), which needs the master: so it uses the second, and reads each changed
// series whole. Where that function is missing (400, 404 or 501: a national cloud, or the day
// beta drops it), the calendar is listed whole instead.
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { graphPages } from './graph-request';
import { t } from '../../catalog/catalog-text';

export interface EventDeltaRound {
  /** Ids of the series masters and single events added or changed. */
  changed: string[];
  /** Ids of the events deleted. */
  removed: string[];
  /** Where the next round starts; null if the round ended without one. */
  deltaLink: string | null;
}

interface DeltaEntry {
  id?: unknown;
  type?: unknown;
  seriesMasterId?: unknown;
  '@removed'?: unknown;
}

/** The events delta function can not be used here: the calendar is listed whole instead. */
export class EventDeltaUnavailableError extends Error {
  constructor(status: number) {
    super(t('graphEventDeltaUnavailable', status));
    this.name = 'EventDeltaUnavailableError';
  }
}

const UNAVAILABLE = new Set([400, 404, 501]);

/**
 * The first request of a round for the calendar whose events Lifeboat lists at `eventsHref`
 * (<root>me/calendars/{id}/events/): the same path on Graph's beta root. Null when the root is
 * not a v1.0 one, so no beta root can be derived.
 */
export function eventDeltaUrl(root: string, eventsHref: string): string | null {
  if (!/\/v1\.0\/$/.test(root) || !eventsHref.startsWith(root)) return null;
  return `${root.replace(/v1\.0\/$/, 'beta/')}${eventsHref.slice(root.length)}delta`;
}

/** Follows a round from `url` (a delta link, or the first request) to its end. */
export async function eventDeltaRound(ctx: HttpContext, url: string): Promise<EventDeltaRound> {
  let entries: DeltaEntry[];
  let deltaLink: string | null;
  try {
    ({ items: entries, deltaLink } = await graphPages<DeltaEntry>(ctx, url));
  } catch (error) {
    if (error instanceof HttpError && UNAVAILABLE.has(error.status)) throw new EventDeltaUnavailableError(error.status);
    throw error;
  }
  const changed = new Set<string>();
  const removed = new Set<string>();
  for (const entry of entries) {
    // An entry without an id names nothing: skipped. An occurrence or exception (which this
    // function should not send) stands for its series, which changed, even when it was removed.
    const series = typeof entry?.seriesMasterId === 'string' && entry.seriesMasterId !== '' ? entry.seriesMasterId : null;
    const id = typeof entry?.id === 'string' && entry.id !== '' ? entry.id : null;
    if (series) changed.add(series);
    else if (id && entry['@removed'] !== undefined) removed.add(id);
    else if (id) changed.add(id);
  }
  return { changed: [...changed].filter((id) => !removed.has(id)), removed: [...removed], deltaLink };
}
