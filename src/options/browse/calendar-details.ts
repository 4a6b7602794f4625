// What an event or a task shows besides its title: when, where, what, whether it repeats and
// its state, read from the stored text with ical.js. Remote addresses (URL, ATTACH) are shown
// as text at most, never loaded.
import type ICAL from 'ical.js';
import { parseComponent } from '../../calendars/parse-component';
import type { ItemRecord } from '../../model/item';
import { formatMoment, formatWhen } from '../../ui/format-when';
import type { DetailRow } from './contact-details';

const MAIN = ['vevent', 'vtodo', 'vjournal'];

function mainComponent(raw: string): ICAL.Component | null {
  try {
    const calendar = parseComponent(raw);
    const mains = calendar.getAllSubcomponents().filter((c) => MAIN.includes(c.name));
    return mains.find((c) => !c.hasProperty('recurrence-id')) ?? mains[0] ?? null;
  } catch {
    return null;
  }
}

function text(comp: ICAL.Component, name: string): string {
  try {
    // Text, or an ical.js value (ICAL.Time, ICAL.Recur) whose toString() is its iCalendar form.
    const value = comp.getFirstProperty(name)?.getFirstValue();
    return value === null || value === undefined ? '' : value.toString().trim();
  } catch {
    return '';
  }
}

export function calendarDetails(item: ItemRecord): DetailRow[] {
  const rows: DetailRow[] = [];
  const when = item.kind === 'task' ? (item.end ? formatMoment(item.end) : '') : formatWhen(item.start, item.end);
  if (when) rows.push({ label: item.kind === 'task' ? 'detailDue' : 'detailWhen', value: when });
  const comp = mainComponent(item.raw);
  if (!comp) return rows;
  const add = (label: DetailRow['label'], value: string) => value && rows.push({ label, value });
  add('detailRepeats', text(comp, 'rrule'));
  add('detailLocation', text(comp, 'location'));
  add('detailStatus', text(comp, 'status'));
  add('detailCompleted', text(comp, 'completed'));
  add('detailDescription', text(comp, 'description'));
  return rows;
}
