// What the listing shows of a calendar object: the fields derived from its main component.

/** The main component (RFC 4791 §4.1): VEVENT, VTODO or VJOURNAL. */
export type CalendarKind = 'event' | 'task' | 'journal';

export interface CalendarFields {
  kind: CalendarKind;
  uid: string | null;
  /** SUMMARY, or NO_TITLE. */
  title: string;
  /** ISO 8601: "…+01:00" or "…Z" when fixed, no offset when floating, "YYYY-MM-DD" all-day. */
  start: string | null;
  /** Exclusive, as in iCalendar: an all-day event on 1 May ends "…-05-02". A task's DUE. */
  end: string | null;
  allDay: boolean;
  /** RRULE or RDATE on the master: the series is not expanded. */
  recurring: boolean;
  /**
   * Set when the fields are only partly derived; the item is still stored and exported as
   * served. The run log shows it so the person knows what the listing may show wrongly.
   */
  degraded?: CalendarDegraded;
}

/**
 * Why an item's fields are degraded:
 * - `timezone-too-complex`: a VTIMEZONE's rules exceed the expansion budget
 *   (expansion-budget.ts); times in that zone are shown floating, as written.
 * - `repeat-rule-unreadable`: an RRULE or EXRULE no reading makes sense of; the item is shown
 *   as recurring, without it.
 * - `parser-refused`: the calendar parser refused a value; only the title, UID and kind are
 *   read, by this module's own line reader.
 */
export type CalendarDegraded = 'timezone-too-complex' | 'repeat-rule-unreadable' | 'parser-refused';

export const NO_TITLE = '(no title)';

export const KIND_OF_COMPONENT: Readonly<Record<string, CalendarKind>> = {
  VEVENT: 'event',
  VTODO: 'task',
  VJOURNAL: 'journal',
};
