// The listing fields of an object the calendar parser refuses, read from its checked content
// lines alone: kind, UID and title. Dates are left empty: reading them needs the parser, and a
// wrong date is worse than none. The item is still stored and exported as served.
import { KIND_OF_COMPONENT, NO_TITLE, type CalendarFields } from './calendar-fields';
import type { CalendarObject } from './read-calendar-object';

/** TEXT unescaped (RFC 5545 §3.3.11): "\n" or "\N" is a newline, "\x" is x. */
function unescapeText(value: string): string {
  return value.replace(/\\([nN]|.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Fields of the first component named `mainName` (upper case), from its own lines only. */
export function fieldsFromLines(object: CalendarObject, mainName: string): CalendarFields {
  const part = object.parts.find((p) => p.name === mainName && !hasRecurrenceId(object, p.begin, p.end)) ?? object.parts.find((p) => p.name === mainName);
  let summary: string | null = null;
  let recurring = false;
  if (part !== undefined) {
    let depth = 0;
    for (let i = part.begin; i <= part.end; i++) {
      const line = object.lines[i]?.line;
      if (line === undefined) continue;
      if (line.name === 'BEGIN') depth++;
      if (line.name === 'END') depth--;
      if (depth !== 1) continue;
      if (line.name === 'SUMMARY') summary ??= unescapeText(line.value).replace(/\s*[\r\n]+\s*/g, ' ').trim();
      if (line.name === 'RRULE' || line.name === 'RDATE') recurring = true;
    }
  }
  return {
    kind: KIND_OF_COMPONENT[mainName] ?? 'event',
    uid: part?.uid ?? null,
    title: summary === null || summary === '' ? NO_TITLE : summary,
    start: null,
    end: null,
    allDay: false,
    recurring,
  };
}

function hasRecurrenceId(object: CalendarObject, begin: number, end: number): boolean {
  for (let i = begin; i <= end; i++) if (object.lines[i]?.line.name === 'RECURRENCE-ID') return true;
  return false;
}
