// A Graph event, or a series (master, its exceptions, its cancelled occurrences), as one
// iCalendar object (RFC 5545; one UID per object, RFC 4791 §4.1) built with ical.js: RRULE from
// the recurrence pattern, RECURRENCE-ID on each exception (from its originalStart), EXDATE for
// each cancelled occurrence, times in the event's own zone (originalStartTimeZone, Windows
// names mapped to IANA) with its VTIMEZONE. The original JSON rides along (X-MS-GRAPH-JSON).
import ICAL from 'ical.js';
import { ianaZone, instantIn, wallIn, type DateTimeTimeZone } from './graph-time';
import { recurrenceRule, type GraphRecurrence } from './recurrence-rule';
import { vtimezone } from '../../calendars/tzdb-vtimezone';
import { seriesYears } from './series-years';

export interface GraphEvent {
  id: string;
  iCalUId?: string;
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  subject?: string | null;
  body?: { contentType?: string; content?: string } | null;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  originalStartTimeZone?: string | null;
  originalStart?: string | null;
  isAllDay?: boolean;
  isCancelled?: boolean;
  location?: { displayName?: string | null } | null;
  categories?: string[];
  recurrence?: GraphRecurrence | null;
  organizer?: { emailAddress?: { name?: string; address?: string } } | null;
  attendees?: Array<{ emailAddress?: { name?: string; address?: string }; type?: string }>;
  lastModifiedDateTime?: string;
  [field: string]: unknown;
}

export interface GraphSeries {
  master: GraphEvent;
  exceptions?: GraphEvent[];
  /**
   * Occurrences cancelled from the series: start instants (UTC), or the dates that Graph's
   * cancelledOccurrences ids end with ("OID.<master id>.2025-04-15"), at the series' start time.
   */
  cancelled?: string[];
}

function time(value: string, zone: string, allDay: boolean): ICAL.Time {
  const t = allDay ? ICAL.Time.fromDateString(value.slice(0, 10)) : ICAL.Time.fromDateTimeString(value);
  if (!allDay && zone === 'UTC') t.zone = ICAL.Timezone.utcTimezone;
  return t;
}

function dated(event: ICAL.Component, name: string, value: string, zone: string, allDay: boolean): void {
  const property = event.addPropertyWithValue(name, time(value, zone, allDay));
  if (!allDay && zone !== 'UTC') property.setParameter('tzid', zone);
}

function vevent(e: GraphEvent, uid: string, zone: string, recurrenceId: string | null): ICAL.Component {
  const allDay = e.isAllDay === true;
  const v = new ICAL.Component('vevent');
  v.addPropertyWithValue('uid', uid);
  v.addPropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString((e.lastModifiedDateTime ?? '1970-01-01T00:00:00Z').slice(0, 19) + 'Z'));
  if (recurrenceId) dated(v, 'recurrence-id', recurrenceId, zone, allDay);
  dated(v, 'dtstart', allDay ? e.start.dateTime : wallIn(e.start, zone), zone, allDay);
  dated(v, 'dtend', allDay ? e.end.dateTime : wallIn(e.end, zone), zone, allDay);
  if (e.subject) v.addPropertyWithValue('summary', e.subject);
  if (e.location?.displayName) v.addPropertyWithValue('location', e.location.displayName);
  if (e.body?.content) v.addPropertyWithValue('description', e.body.content);
  if (e.categories?.length) v.addProperty(new ICAL.Property(['categories', {}, 'text', ...e.categories]));
  if (e.isCancelled) v.addPropertyWithValue('status', 'CANCELLED');
  if (e.organizer?.emailAddress?.address) v.addPropertyWithValue('organizer', `mailto:${e.organizer.emailAddress.address}`);
  for (const a of e.attendees ?? []) if (a.emailAddress?.address) v.addPropertyWithValue('attendee', `mailto:${a.emailAddress.address}`);
  if (e.recurrence) v.addPropertyWithValue('rrule', ICAL.Recur.fromString(recurrenceRule(e.recurrence, zone, allDay)));
  const json = new ICAL.Property('x-ms-graph-json', v);
  json.resetType('text');
  json.setValue(JSON.stringify(e));
  v.addProperty(json);
  return v;
}

export function seriesToIcal(series: GraphSeries): string {
  const { master } = series;
  const zone = master.isAllDay ? 'UTC' : ianaZone(master.originalStartTimeZone ?? master.start.timeZone);
  const uid = master.iCalUId ?? master.id;
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Lifeboat//Microsoft Graph//EN');
  // Every transition of every year the series spans (vtimezone.ts).
  const span = seriesYears({ start: master.start.dateTime, end: master.end.dateTime, recurrence: master.recurrence });
  if (zone !== 'UTC') calendar.addSubcomponent(vtimezone({ iana: zone, ...span }));
  const main = vevent(master, uid, zone, null);
  const startTime = wallIn(master.start, zone).slice(10);
  for (const start of series.cancelled ?? []) {
    const wall = master.isAllDay ? start : start.length === 10 ? `${start}${startTime}` : instantIn(start, zone);
    dated(main, 'exdate', wall, zone, master.isAllDay === true);
  }
  calendar.addSubcomponent(main);
  for (const exception of series.exceptions ?? []) {
    if (!exception.originalStart) continue;
    calendar.addSubcomponent(vevent(exception, uid, zone, master.isAllDay ? exception.originalStart : instantIn(exception.originalStart, zone)));
  }
  return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
