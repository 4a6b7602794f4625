// The years a converted Graph event's VTIMEZONE must spell out (calendars/tzdb-vtimezone.ts
// writes it): from the event's start to the end of its recurrence range.
import type { GraphRecurrence } from './recurrence-rule';

/** Days one step of each Graph pattern can take at most (a month: 31, a year: 366). */
const STEP_DAYS = { daily: 1, weekly: 7, absoluteMonthly: 31, relativeMonthly: 31, absoluteYearly: 366, relativeYearly: 366 } as const;

/** A series without end is written out to this year, then continued by rule. */
export const OPEN_SERIES_LAST_YEAR = 2037;

/**
 * The years a VTIMEZONE must spell out for an event or series: from the year before it starts
 * (an occurrence early on 1 January may fall in the previous year in UTC) to the year its
 * recurrence range ends (https://learn.microsoft.com/en-us/graph/api/resources/recurrencerange).
 */
export function seriesYears(params: { start: string; end: string; recurrence?: GraphRecurrence | null }): { fromYear: number; toYear: number } {
  const fromYear = Number(params.start.slice(0, 4)) - 1;
  let toYear = Number(params.end.slice(0, 4));
  const range = params.recurrence?.range;
  const pattern = params.recurrence?.pattern;
  if (range?.type === 'endDate' && range.endDate) toYear = Math.max(toYear, Number(range.endDate.slice(0, 4)));
  else if (range?.type === 'numbered' && pattern) {
    const days = (range.numberOfOccurrences ?? 1) * (pattern.interval ?? 1) * STEP_DAYS[pattern.type];
    toYear = Math.max(toYear, fromYear + 1 + Math.ceil(days / 365));
  } else if (range !== undefined) toYear = Math.max(toYear, OPEN_SERIES_LAST_YEAR, fromYear + 2);
  return { fromYear, toYear: Math.min(toYear, fromYear + 400) };
}
