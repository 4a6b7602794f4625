// Calendars: a calendar object resource (RFC 4791 §4.1) is checked by the calendars module, and
// its main component's title, start, end and kind become the fields the pages list and search.
import { checkCalendarObject } from '../../calendars/check-calendar-object';
import type { ItemReader } from '../item-reader';

export const calendarReader: ItemReader = {
  read(raw) {
    const checked = checkCalendarObject(raw);
    if (!checked.ok) return checked;
    return { ok: true, fields: { ...checked.fields } };
  },
};
