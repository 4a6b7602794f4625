// Which zone a TZID names inside one calendar object.
import ICAL from 'ical.js';
import { intlZone } from './intl-zone';
import type { Zone } from './timezones';
import { EXPANSION_CAP, vtimezoneCost } from './expansion-budget';
import { readVtimezone } from './vtimezone-zone';
import type { ZoneLookup } from './time-values';

/**
 * The VTIMEZONE of that TZID in the object (RFC 5545 §3.2.19 requires one for every TZID used).
 * Without one, or when ical.js cannot expand it, the IANA zone of that name from the browser's
 * own database: CalDAV servers may leave VTIMEZONEs out when the client asked them to
 * (RFC 7809 "timezones by reference"), and the IANA rules are the ones the sender meant. A TZID
 * that is no IANA name either (an Outlook "W. Europe Standard Time" without its VTIMEZONE)
 * leaves the time floating: shown as written, with no invented offset. So does a VTIMEZONE
 * whose rules cost more than the expansion budget (expansion-budget.ts): its definition cannot
 * be known within the budget, and the IANA zone of that name may differ from it; `onTooComplex`
 * hears of it, so the item can be flagged. The budget is the item's: the definitions it uses
 * share it, so many costly ones in one object are refused as one too costly.
 */
export function objectZones(vcalendar: ICAL.Component, onTooComplex?: (tzid: string) => void): ZoneLookup {
  const defined = new Map<string, ICAL.Component>();
  for (const c of vcalendar.getAllSubcomponents('vtimezone')) {
    const tzid = c.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !defined.has(tzid)) defined.set(tzid, c);
  }
  const cache = new Map<string, Zone | null>();
  let spent = 0;
  const build = (tzid: string): Zone | null => {
    const component = defined.get(tzid);
    if (component === undefined) return intlZone(tzid);
    // Counted before anything is expanded (a cached zone costs nothing now, but the verdict
    // must not depend on what was read before).
    spent += vtimezoneCost(component);
    const reading = spent > EXPANSION_CAP ? null : readVtimezone(component);
    if (reading === null || reading.tooComplex) {
      onTooComplex?.(tzid);
      return null;
    }
    return reading.zone ?? intlZone(tzid);
  };
  return (tzid) => {
    let zone = cache.get(tzid);
    if (zone === undefined) cache.set(tzid, (zone = build(tzid)));
    return zone;
  };
}
