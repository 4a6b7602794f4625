// Graph's patternedRecurrence as an RRULE (RFC 5545 §3.3.10), following the mapping of each
// pattern and range type on https://learn.microsoft.com/en-us/graph/api/resources/recurrencepattern
// and .../recurrencerange. An end date is inclusive in Graph; UNTIL is then the end of that day,
// in UTC for a timed series (RFC 5545 §3.3.10: UNTIL matches DTSTART's value type, in UTC
// when DTSTART has a TZID).
import { wallIn } from './graph-time';

export interface GraphRecurrence {
  pattern: {
    type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
    interval?: number;
    month?: number;
    dayOfMonth?: number;
    daysOfWeek?: string[];
    firstDayOfWeek?: string;
    index?: 'first' | 'second' | 'third' | 'fourth' | 'last';
  };
  range: { type: 'endDate' | 'noEnd' | 'numbered'; startDate?: string; endDate?: string; numberOfOccurrences?: number };
}

const DAY = (name: string): string => name.slice(0, 2).toUpperCase();
const INDEX: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };
const FREQ = { daily: 'DAILY', weekly: 'WEEKLY', absoluteMonthly: 'MONTHLY', relativeMonthly: 'MONTHLY', absoluteYearly: 'YEARLY', relativeYearly: 'YEARLY' } as const;

export function recurrenceRule(recurrence: GraphRecurrence, zone: string, allDay: boolean): string {
  const { pattern, range } = recurrence;
  const parts = [`FREQ=${FREQ[pattern.type]}`];
  if ((pattern.interval ?? 1) > 1) parts.push(`INTERVAL=${pattern.interval}`);
  const days = (pattern.daysOfWeek ?? []).map(DAY).join(',');
  if (pattern.type === 'absoluteYearly' || pattern.type === 'relativeYearly') parts.push(`BYMONTH=${pattern.month}`);
  if (pattern.type === 'weekly') {
    parts.push(`BYDAY=${days}`);
    if (pattern.firstDayOfWeek) parts.push(`WKST=${DAY(pattern.firstDayOfWeek)}`);
  }
  if (pattern.type === 'absoluteMonthly' || pattern.type === 'absoluteYearly') parts.push(`BYMONTHDAY=${pattern.dayOfMonth}`);
  if (pattern.type === 'relativeMonthly' || pattern.type === 'relativeYearly') parts.push(`BYDAY=${days}`, `BYSETPOS=${INDEX[pattern.index ?? 'first']}`);
  if (range.type === 'numbered' && range.numberOfOccurrences) parts.push(`COUNT=${range.numberOfOccurrences}`);
  if (range.type === 'endDate' && range.endDate) {
    const until = allDay ? range.endDate.replace(/-/g, '') : `${wallIn({ dateTime: `${range.endDate}T23:59:59`, timeZone: zone }, 'UTC').replace(/[-:]/g, '')}Z`;
    parts.push(`UNTIL=${until}`);
  }
  return parts.join(';');
}
