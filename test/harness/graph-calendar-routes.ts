// The calendar part of the Graph test server, as documented:
// - GET /v1.0/me/calendars, and /v1.0/me/calendars/{id}/events: series masters and single
//   events, each master with its exceptionOccurrences and cancelledOccurrences
//   (https://learn.microsoft.com/en-us/graph/api/user-list-events), paged;
// - GET /v1.0/me/events/{id}: one event, its exceptionOccurrences only with
//   $expand=exceptionOccurrences (https://learn.microsoft.com/en-us/graph/api/event-get);
// - GET /beta/me/calendars/{id}/events/delta: the delta function on a calendar's events, which
//   "includes single instances and recurring series master" (not occurrences) and "contains
//   only the id, type, start and end properties"; a series counts as changed when its master,
//   an exception or a cancellation changes (https://learn.microsoft.com/en-us/graph/api/event-delta?view=graph-rest-beta),
//   with rounds, @removed and 410 as in graph-delta-log.ts. `withoutEventDelta()` makes it
//   answer 404, as a cloud without that beta function would.
import type { DeltaLog } from './graph-delta-log';
import { sendListPage, type GraphRequest, type GraphRoute } from './graph-route';

export type GraphEventJson = { id: string } & Record<string, unknown>;

export interface GraphCalendarsApi {
  /** Calendar id → its name and events (masters and single events, as the list returns them). */
  setCalendar(id: string, name: string, events: GraphEventJson[]): void;
  withoutEventDelta(): void;
}

const summary = ({ id, type, start, end }: GraphEventJson) => ({ id, type, start, end });
const scopeOf = (calendarId: string) => `calendar:${calendarId}`;

export function createCalendarRoutes(log: DeltaLog): { api: GraphCalendarsApi; route: GraphRoute } {
  const calendars = new Map<string, { name: string; events: Map<string, GraphEventJson> }>();
  let deltaOffered = true;

  const api: GraphCalendarsApi = {
    setCalendar(id, name, events) {
      const before = calendars.get(id)?.events ?? new Map<string, GraphEventJson>();
      const after = new Map(events.map((e) => [e.id, e]));
      for (const [eventId, event] of after) if (JSON.stringify(before.get(eventId)) !== JSON.stringify(event)) log.record(scopeOf(id), eventId);
      for (const eventId of before.keys()) if (!after.has(eventId)) log.record(scopeOf(id), eventId);
      calendars.set(id, { name, events: after });
    },
    withoutEventDelta: () => void (deltaOffered = false),
  };

  function eventDelta(req: GraphRequest, calendarId: string): void {
    const calendar = calendars.get(calendarId);
    if (!deltaOffered || !calendar) return req.send(404, { error: { code: 'ResourceNotFound' } });
    const entries = (changed: string[] | null) =>
      changed === null ? [...calendar.events.values()].map(summary) : changed.map((id) => (calendar.events.has(id) ? summary(calendar.events.get(id)!) : { id, '@removed': { reason: 'deleted' } }));
    const answer = log.page(`${req.root}${req.path.slice(1)}`, req.query, req.pageSize, entries, scopeOf(calendarId));
    req.send(answer.status, answer.body);
  }

  function oneEvent(req: GraphRequest, id: string): void {
    const event = [...calendars.values()].map((c) => c.events.get(id)).find(Boolean);
    if (!event) return req.send(404, { error: { code: 'ErrorItemNotFound' } });
    const { exceptionOccurrences, ...rest } = event;
    req.send(200, req.query.get('$expand') === 'exceptionOccurrences' ? { ...rest, exceptionOccurrences: exceptionOccurrences ?? [] } : rest);
  }

  const route: GraphRoute = (req) => {
    const list = /^\/v1\.0\/me\/calendars\/([^/]+)\/events\/?$/.exec(req.path);
    const listed = list ? calendars.get(decodeURIComponent(list[1]!)) : undefined;
    const one = /^\/v1\.0\/me\/events\/([^/]+)$/.exec(req.path);
    const delta = /^\/beta\/me\/calendars\/([^/]+)\/events\/delta$/.exec(req.path);
    if (req.path === '/v1.0/me/calendars') sendListPage(req, [...calendars].map(([id, c]) => ({ id, name: c.name })));
    else if (listed) sendListPage(req, [...listed.events.values()]);
    else if (one) oneEvent(req, decodeURIComponent(one[1]!));
    else if (delta) eventDelta(req, decodeURIComponent(delta[1]!));
    else return false;
    return true;
  };
  return { api, route };
}
