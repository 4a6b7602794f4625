// Recurrence rules are the one kind of value ical.js reads eagerly: a rule it cannot read makes
// the whole calendar unreadable to it (and so to Thunderbird), not only that property. Both the
// reader and the exporter check them first, to name the line instead of failing the file.
import { parseComponent } from './parse-component';
import { paramValue } from './content-line';
import type { CalendarObject } from './read-calendar-object';

// Every object repeats its VTIMEZONE's two RRULEs: each distinct rule is parsed once (the
// answer for a rule text never changes; the cap only bounds memory).
const verdicts = new Map<string, string | null>();

/** ical.js's complaint about one recur line, or null when it reads it. */
function complaint(text: string): string | null {
  let verdict = verdicts.get(text);
  if (verdict !== undefined) return verdict;
  try {
    // Parsed exactly as ical.js parses it inside a component (RFC 5545 §3.3.10 grammar).
    parseComponent(`BEGIN:VEVENT\r\n${text}\r\nEND:VEVENT`);
    verdict = null;
  } catch (e) {
    const message = e instanceof Error ? e.message : 'unknown error';
    verdict = message.length > 60 ? `${message.slice(0, 59)}…` : message;
  }
  if (verdicts.size > 1000) verdicts.clear();
  verdicts.set(text, verdict);
  return verdict;
}

/** A short sentence naming the first unreadable RRULE, EXRULE or VALUE=RECUR line, or null. */
export function unreadableRule(object: CalendarObject): string | null {
  for (const { line, text, first } of object.lines) {
    const recur = line.name === 'RRULE' || line.name === 'EXRULE' || paramValue(line, 'VALUE')?.toUpperCase() === 'RECUR';
    const detail = recur ? complaint(text) : null;
    if (detail !== null) return `The repeat rule on line ${first + 1} cannot be read (${detail}).`;
  }
  return null;
}
