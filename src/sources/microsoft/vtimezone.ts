// A VTIMEZONE for an IANA zone (RFC 5545 §3.6.5), made from the browser's own time zone data:
// each transition of `year` becomes a STANDARD or DAYLIGHT observance that recurs yearly on the
// same weekday of the month (BYDAY=2SU, -1SU), the rule every zone with DST follows today.
// A zone without DST gets one STANDARD observance.
import ICAL from 'ical.js';
import { intlZone } from '../../calendars/intl-zone';
import { isoWall, partsOfWall } from '../../calendars/wall-time';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function utcOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function observance(name: 'standard' | 'daylight', wall: number, from: number, to: number, rrule: string | null): ICAL.Component {
  const part = new ICAL.Component(name);
  part.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString(isoWall(wall)));
  part.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromString(utcOffset(from)));
  part.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromString(utcOffset(to)));
  if (rrule) part.addPropertyWithValue('rrule', ICAL.Recur.fromString(rrule));
  return part;
}

export function vtimezone(iana: string, year: number): ICAL.Component {
  const zone = intlZone(iana);
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', iana);
  const transitions = zone?.year(year) ?? [];
  const offsets = transitions.map((t) => t.offset);
  const first = transitions[0]?.offset ?? 0;
  if (transitions.length < 2) {
    tz.addSubcomponent(observance('standard', Date.UTC(1970, 0, 1) / 1000, first, first, null));
    return tz;
  }
  const standardOffset = Math.min(...offsets);
  for (let i = 1; i < transitions.length; i++) {
    const { at, offset } = transitions[i]!;
    const before = transitions[i - 1]!.offset;
    const wall = at + before;
    const p = partsOfWall(wall);
    const lastOfMonth = p.day + 7 > new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
    const week = lastOfMonth ? -1 : Math.ceil(p.day / 7);
    const weekday = DAYS[new Date(wall * 1000).getUTCDay()]!;
    tz.addSubcomponent(observance(offset > standardOffset ? 'daylight' : 'standard', wall, before, offset, `FREQ=YEARLY;BYMONTH=${p.month};BYDAY=${week}${weekday}`));
  }
  return tz;
}
