// The calendar web service (webservices.calendar.url), as pyicloud's services/calendar.py calls
// it, with the client parameters, lang, usertz and dsid on every request:
// - GET /ca/startup (startDate, endDate) answers `Collection` (the calendars) and `Event`
//   (picklepete/pyicloud reads its calendars from it); GET /ca/allcollections answers
//   `Collection` (timlaing/pyicloud `get_calendars`);
// - GET /ca/events?startDate=YYYY-MM-DD&endDate=YYYY-MM-DD answers the events starting in that
//   range, both days included (pyicloud `refresh_client`: "endDate is inclusive"), as `Event`;
// - GET /ca/eventdetail/{pGuid}/{guid} answers {Event: [that event]} (`get_event_detail`).
// A calendar: guid, title, color, symbolicColor, ctag, etag, order, enabled, readOnly,
// isDefault, objectType, supportedType, shareType … (pyicloud `CalendarObject`; ctag changes with
// its events). An event: guid, pGuid (its calendar), title, tz, allDay, duration (minutes),
// location, url, description, etag, and dates as 7-element arrays ["YYYYMMDD", year, month, day,
// hour, minute, minutes] where the last is minutes from midnight for a start and, as pyicloud
// `AppleDateFormat.from_datetime` writes it, (24 − hour)·60 + (60 − minute) for an end.
// Simplification: localStartDate/localEndDate repeat startDate/endDate (no usertz conversion).
import type { IcloudRoute } from './icloud-exchange';
import { hasClientParams } from './contacts-routes';

export interface IcloudCalendar {
  guid: string;
  title: string;
  color?: string;
}

export interface EventSeed {
  guid: string;
  pGuid: string;
  title: string;
  /** Wall-clock times in `tz`, "YYYY-MM-DDTHH:MM". */
  start: string;
  end: string;
  tz?: string;
  allDay?: boolean;
  location?: string;
  description?: string;
  url?: string;
  /** Further fields the service returns, kept as they are. */
  extra?: Record<string, unknown>;
}

export interface CalendarApi {
  putCalendar(calendar: IcloudCalendar): void;
  putEvent(event: EventSeed): void;
  removeEvent(pGuid: string, guid: string): void;
}

type AppleDate = [string, number, number, number, number, number, number];

export function appleDate(wallClock: string, isStart: boolean): AppleDate {
  const [y, mo, d, h, mi] = (wallClock.match(/\d+/g) ?? []).map(Number);
  const [hour, minute] = [h ?? 0, mi ?? 0];
  const minutes = isStart ? hour * 60 + minute : (24 - hour) * 60 + (60 - minute);
  return [wallClock.slice(0, 10).replaceAll('-', ''), y ?? 0, mo ?? 0, d ?? 0, hour, minute, minutes];
}

export function createCalendarRoutes(dsid: string): { route: IcloudRoute; api: CalendarApi } {
  const calendars = new Map<string, Record<string, unknown>>();
  const events = new Map<string, Record<string, unknown>>();
  let version = 1;
  const touch = (pGuid: string) => {
    version++;
    const calendar = calendars.get(pGuid);
    if (calendar) Object.assign(calendar, { ctag: `FT=-@RU=${pGuid}@S=${version}`, etag: `C=${version}@U=${pGuid}` });
  };
  const collections = () => [...calendars.values()];
  const inRange = (from: string, to: string) => [...events.values()].filter((e) => {
    const day = (e.startDate as AppleDate)[0];
    return day >= from.replaceAll('-', '') && day <= to.replaceAll('-', '');
  });

  const route: IcloudRoute = (exchange) => {
    const detail = /^\/ca\/eventdetail\/([^/]+)\/([^/]+)$/.exec(exchange.path);
    if (exchange.method !== 'GET' || !(detail || ['/ca/startup', '/ca/events', '/ca/allcollections'].includes(exchange.path))) return false;
    if (hasClientParams(exchange, dsid)) return true;
    if (detail) {
      const event = events.get(`${decodeURIComponent(detail[1]!)}/${decodeURIComponent(detail[2]!)}`);
      if (event) exchange.json(200, { Event: [event] });
      else exchange.json(404, { success: false, reason: 'Event not found' });
      return true;
    }
    if (exchange.path === '/ca/allcollections') return (exchange.json(200, { Collection: collections() }), true);
    const from = exchange.query.get('startDate');
    const to = exchange.query.get('endDate');
    const day = /^\d{4}-\d\d-\d\d$/;
    if (!from || !to || !day.test(from) || !day.test(to)) return (exchange.json(400, { success: false, reason: 'startDate and endDate are required' }), true);
    exchange.json(200, { Collection: collections(), Event: inRange(from, to) });
    return true;
  };

  return {
    route,
    api: {
      putCalendar(calendar) {
        calendars.set(calendar.guid, {
          guid: calendar.guid, title: calendar.title, color: calendar.color ?? '#1badf8', symbolicColor: '__custom__',
          order: calendars.size + 1, enabled: true, readOnly: false, isDefault: calendars.size === 0, isFamily: false,
          objectType: 'personal', supportedType: 'Event', shareType: null, sharedUrl: '', extendedDetailsAreIncluded: true,
        });
        touch(calendar.guid);
      },
      putEvent(seed) {
        const start = appleDate(seed.start, true);
        const end = appleDate(seed.end, false);
        const duration = Math.round((Date.parse(`${seed.end}Z`) - Date.parse(`${seed.start}Z`)) / 60000);
        touch(seed.pGuid);
        events.set(`${seed.pGuid}/${seed.guid}`, {
          guid: seed.guid, pGuid: seed.pGuid, title: seed.title, tz: seed.allDay ? 'floating' : seed.tz ?? 'America/New_York', icon: 0,
          duration, allDay: seed.allDay ?? false, startDate: start, endDate: end, localStartDate: start, localEndDate: end,
          createdDate: start, lastModifiedDate: start, extendedDetailsAreIncluded: true, recurrenceException: false,
          recurrenceMaster: false, hasAttachments: false, readOnly: false, transparent: false, birthdayIsYearlessBday: false,
          birthdayShowAsCompany: false, shouldShowJunkUIWhenAppropriate: false, location: seed.location ?? '', url: seed.url ?? '',
          description: seed.description ?? '', etag: `C=${version}@U=${seed.guid}`, ...seed.extra,
        });
      },
      removeEvent(pGuid, guid) {
        events.delete(`${pGuid}/${guid}`);
        touch(pGuid);
      },
    },
  };
}
