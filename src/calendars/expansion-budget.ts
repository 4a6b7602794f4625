// A hard cap on the work one item's time zones may cost. ical.js expands a VTIMEZONE's
// observances occurrence by occurrence from their DTSTART up to the year asked (about 10 µs an
// occurrence), so an observance with "RRULE:FREQ=HOURLY" from 1601 costs minutes for one
// event, and a server (or anyone who can put an event on a shared calendar) decides that.
//
// The cost is bounded before anything is expanded, from the rules alone: an upper bound on the
// occurrences each RRULE yields per year (RFC 5545 §3.3.10: FREQ and INTERVAL give the periods,
// each BYxxx list that expands multiplies them), times the years from its DTSTART to the last
// year a zone is ever asked (vtimezone-zone.ts answers later years from 2101–2500), or its
// COUNT, plus every RDATE value. Real definitions stay far below the cap: Outlook's yearly rules
// from 1601 are 2 × 900 occurrences, Google's and Apple's from 1970 2 × 531.
import ICAL from 'ical.js';

/** Occurrences one item's VTIMEZONEs may expand to, all together. */
export const EXPANSION_CAP = 5_000;

/** The last year a zone is expanded to (vtimezone-zone.ts maps later years into 2101–2500). */
export const LAST_EXPANDED_YEAR = 2500;

const PERIODS_PER_YEAR: Readonly<Record<string, number>> = {
  SECONDLY: 31_622_400,
  MINUTELY: 527_040,
  HOURLY: 8_784,
  DAILY: 366,
  WEEKLY: 53,
  MONTHLY: 12,
  YEARLY: 1,
};

const FINENESS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** True when `freq` is coarser than `than` (YEARLY is coarser than MONTHLY). */
function coarser(freq: string, than: string): boolean {
  return FINENESS.indexOf(freq) > FINENESS.indexOf(than);
}

/** Days a BYDAY list can give in one period: "-1SU" one, "SU" every Sunday of it. */
function byDayFactor(days: readonly string[], perPeriod: number): number {
  return days.reduce((n, d) => n + (/^[+-]?\d/.test(d) ? 1 : perPeriod), 0);
}

/** An upper bound on the occurrences a rule yields in one year (§3.3.10's expansion table). */
export function occurrencesPerYear(recur: ICAL.Recur): number {
  const freq = String(recur.freq ?? 'YEARLY').toUpperCase();
  const interval = Math.max(1, Number(recur.interval) || 1);
  const parts = recur.parts as Readonly<Record<string, readonly unknown[] | undefined>>;
  const count = (name: string): number => parts[name]?.length ?? 0;
  let rate = Math.ceil((PERIODS_PER_YEAR[freq] ?? PERIODS_PER_YEAR.SECONDLY!) / interval);
  for (const [list, period] of [['BYSECOND', 'SECONDLY'], ['BYMINUTE', 'MINUTELY'], ['BYHOUR', 'HOURLY']] as const) {
    if (count(list) > 0 && coarser(freq, period)) rate *= count(list);
  }
  if (freq === 'YEARLY' && count('BYMONTH') > 0) rate *= count('BYMONTH');
  if (freq === 'YEARLY' && count('BYWEEKNO') > 0) rate *= count('BYWEEKNO') * 7;
  const days = count('BYMONTHDAY') + count('BYYEARDAY');
  if (days > 0 && coarser(freq, 'WEEKLY')) {
    rate *= days * (freq === 'YEARLY' && count('BYMONTH') === 0 && count('BYMONTHDAY') > 0 ? 12 : 1);
  } else if (days === 0 && count('BYDAY') > 0 && coarser(freq, 'DAILY')) {
    const byDay = (parts.BYDAY ?? []).map(String);
    const perPeriod = freq === 'WEEKLY' ? 1 : freq === 'MONTHLY' || count('BYMONTH') > 0 ? 5 : 53;
    rate *= byDayFactor(byDay, perPeriod);
  }
  return rate;
}

function rruleCost(observance: ICAL.Component, recur: ICAL.Recur): number {
  const start = observance.getFirstPropertyValue('dtstart');
  const from = start instanceof ICAL.Time ? start.year : 1;
  const to = Math.min(LAST_EXPANDED_YEAR, recur.until?.year ?? LAST_EXPANDED_YEAR);
  const bound = occurrencesPerYear(recur) * Math.max(1, to - from + 1);
  return typeof recur.count === 'number' && recur.count > 0 ? Math.min(recur.count, bound) : bound;
}

/**
 * An upper bound on the occurrences ical.js would expand for this VTIMEZONE. A rule ical.js
 * cannot read counts as nothing: ical.js fails on it before expanding anything.
 */
export function vtimezoneCost(vtimezone: ICAL.Component): number {
  let cost = 0;
  for (const observance of vtimezone.getAllSubcomponents()) {
    for (const property of observance.getAllProperties()) {
      try {
        if (property.name === 'rdate') cost += property.getValues().length;
        else if (property.name === 'rrule') {
          const recur = property.getFirstValue();
          if (recur instanceof ICAL.Recur) cost += rruleCost(observance, recur);
        }
      } catch {
        // unreadable: ical.js refuses the zone as a whole, at no cost
      }
    }
  }
  return cost;
}
