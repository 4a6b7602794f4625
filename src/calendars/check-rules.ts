// Recurrence rules are the one kind of value ical.js reads eagerly: a rule it cannot read makes
// the whole calendar unreadable to it (and so to Thunderbird), not only that property. Both the
// reader and the exporter check them first, to name the line instead of failing the file.
import { parseComponent } from './parse-component';
import { paramValue } from './content-line';
import type { CalendarObject } from './read-calendar-object';

/** A short sentence naming the first unreadable RRULE, EXRULE or VALUE=RECUR line, or null. */
export function unreadableRule(object: CalendarObject): string | null {
  for (const { line, text, first } of object.lines) {
    const recur = line.name === 'RRULE' || line.name === 'EXRULE' || paramValue(line, 'VALUE')?.toUpperCase() === 'RECUR';
    if (!recur) continue;
    try {
      // Parsed exactly as ical.js parses it inside a component (RFC 5545 §3.3.10 grammar).
      parseComponent(`BEGIN:VEVENT\r\n${text}\r\nEND:VEVENT`);
    } catch (e) {
      const message = e instanceof Error ? e.message : 'unknown error';
      const detail = message.length > 60 ? `${message.slice(0, 59)}…` : message;
      return `The repeat rule on line ${first + 1} cannot be read (${detail}).`;
    }
  }
  return null;
}
