// The calendar web service (webservices.calendar.url) as icloud.com's Calendar page and
// pyicloud's services/calendar.py call it: GET /ca/allcollections answers the calendars
// (timlaing/pyicloud `get_calendars`; each with a ctag that changes with its events), GET
// /ca/events answers the events starting between startDate and endDate, both days included
// (`refresh_client`), GET /ca/eventdetail/{pGuid}/{guid} one event whole (`get_event_detail`).
//
// How far a range may reach is not known (icloud.com asks a few weeks at a time, pyicloud a
// month), so the whole calendar is read in windows: everything before 2000 in one, then one a
// year up to ten years ahead (`eventWindows`). An event outside them (before 1900, more than
// ten years ahead) is not listed: docs/ACCOUNTS.md says so.
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { serviceUrl } from './client-params';
import { expectField, icloudJson, isArray, isObject } from './icloud-json';
import type { ServiceAt } from './contacts-client';

type Json = Record<string, unknown>;

/** Times are asked in UTC, so the text written from an answer never depends on where the browser is. */
const QUERY = { lang: 'en-us', usertz: 'UTC' };

export const FIRST_YEAR = 1900;
export const YEARS_AHEAD = 10;

function calendarUrl(service: ServiceAt, path: string, extra: Record<string, string> = {}): string {
  return serviceUrl(service.base, path, service.params, { ...QUERY, ...extra });
}

/**
 * The calendars, from /ca/allcollections; where that answers 404 (an older service: the
 * original pyicloud reads them from /ca/startup), from /ca/startup over this year.
 */
export async function listCalendars(ctx: HttpContext, service: ServiceAt, thisYear: number): Promise<Json[]> {
  const read = (url: string) => icloudJson(ctx, { method: 'GET', url }, (json) => expectField(json, url, isArray, 'Collection').filter(isObject));
  try {
    return await read(calendarUrl(service, 'ca/allcollections'));
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 404)) throw error;
    return read(calendarUrl(service, 'ca/startup', { startDate: `${thisYear}-01-01`, endDate: `${thisYear}-12-31` }));
  }
}

/** The windows of `eventWindows`, as [startDate, endDate] days, both included. */
export function eventWindows(thisYear: number): Array<[string, string]> {
  const windows: Array<[string, string]> = [[`${FIRST_YEAR}-01-01`, '1999-12-31']];
  for (let year = 2000; year <= thisYear + YEARS_AHEAD; year++) windows.push([`${year}-01-01`, `${year}-12-31`]);
  return windows;
}

/**
 * The events starting in one window. An answer without `Event` but with the calendars is read
 * as a window without events (assumed: the reproduction always sends the array).
 */
export async function listEvents(ctx: HttpContext, service: ServiceAt, [from, to]: [string, string]): Promise<Json[]> {
  const url = calendarUrl(service, 'ca/events', { startDate: from, endDate: to });
  return icloudJson(ctx, { method: 'GET', url }, (json) => {
    if (isObject(json) && json.Event === undefined) expectField(json, url, isArray, 'Collection');
    else return expectField(json, url, isArray, 'Event').filter(isObject);
    return [];
  });
}

export async function eventDetail(ctx: HttpContext, service: ServiceAt, pGuid: string, guid: string): Promise<Json> {
  const url = calendarUrl(service, `ca/eventdetail/${encodeURIComponent(pGuid)}/${encodeURIComponent(guid)}`);
  return icloudJson(ctx, { method: 'GET', url }, (json) => {
    const event = expectField(json, url, isArray, 'Event')[0];
    return expectField(event, url, isObject);
  });
}
