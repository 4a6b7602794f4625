// Calendars: a calendar object resource (RFC 4791 §4.1) is checked by the calendars module, and
// its main component's title, start, end and kind become the fields the pages list and search.
// Only a text that is no calendar object is refused; one that is read only in part (a repeat
// rule no reading makes sense of, a time zone over the expansion budget) is stored as served,
// with `degraded` saying why, for the run log to report.
import { checkCalendarObject } from '../../calendars/check-calendar-object';
import type { ItemReader } from '../../model/item-reader';

export const calendarReader: ItemReader = {
  read(raw) {
    const checked = checkCalendarObject(raw);
    if (!checked.ok) return checked;
    return { ok: true, fields: { ...checked.fields } };
  },
};
