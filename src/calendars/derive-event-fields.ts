// The listing fields of one main component (VEVENT, VTODO or VJOURNAL), read with ical.js.
// Lenient by design: a value that cannot be read leaves its field empty rather than costing the
// person the whole item (the mirror keeps the original text either way).
import ICAL from 'ical.js';
import { KIND_OF_COMPONENT, NO_TITLE, type CalendarFields } from './calendar-fields';
import { addDuration, formatTime, impliedEnd, timeFromIcal, type TimeValue, type ZoneLookup } from './time-values';

/** A property's first value, or null when absent or unreadable (ical.js parses values lazily). */
function firstValue(comp: ICAL.Component, name: string): ReturnType<ICAL.Property['getFirstValue']> {
  try {
    return comp.getFirstProperty(name)?.getFirstValue() ?? null;
  } catch {
    return null;
  }
}

function readTime(comp: ICAL.Component, name: string, zoneFor: ZoneLookup): TimeValue | null {
  const value = firstValue(comp, name);
  if (!(value instanceof ICAL.Time)) return null;
  const tzid = comp.getFirstProperty(name)?.getParameter('tzid');
  return timeFromIcal(value, typeof tzid === 'string' ? tzid : null, zoneFor);
}

function readDuration(comp: ICAL.Component): ICAL.Duration | null {
  const value = firstValue(comp, 'duration');
  return value instanceof ICAL.Duration ? value : null;
}

/** SUMMARY on one line (§3.8.1.12 allows escaped newlines), or NO_TITLE. */
function titleOf(comp: ICAL.Component): string {
  const value = firstValue(comp, 'summary');
  const text = typeof value === 'string' ? value.replace(/\s*[\r\n]+\s*/g, ' ').trim() : '';
  return text === '' ? NO_TITLE : text;
}

/**
 * Start and end by component (RFC 5545 §3.6.1–3.6.3): an event ends at DTEND, or DTSTART plus
 * DURATION, or as §3.6.1 implies; a task's end is DUE, or DTSTART plus DURATION (§3.8.2.5);
 * a journal entry has only DTSTART.
 */
function startAndEnd(comp: ICAL.Component, zoneFor: ZoneLookup): [TimeValue | null, TimeValue | null] {
  const start = readTime(comp, 'dtstart', zoneFor);
  const duration = readDuration(comp);
  const fromDuration = start !== null && duration !== null ? addDuration(start, duration) : null;
  switch (comp.name) {
    case 'vevent':
      return [start, readTime(comp, 'dtend', zoneFor) ?? fromDuration ?? (start && impliedEnd(start))];
    case 'vtodo':
      return [start, readTime(comp, 'due', zoneFor) ?? fromDuration];
    default:
      return [start, null];
  }
}

/** Fields of `comp`, the master (or, without one, the first instance) of the object. */
export function deriveEventFields(comp: ICAL.Component, zoneFor: ZoneLookup): CalendarFields {
  const [start, end] = startAndEnd(comp, zoneFor);
  const uid = firstValue(comp, 'uid');
  return {
    kind: KIND_OF_COMPONENT[comp.name.toUpperCase()] ?? 'event',
    uid: typeof uid === 'string' && uid.trim() !== '' ? uid.trim() : null,
    title: titleOf(comp),
    start: start && formatTime(start),
    end: end && formatTime(end),
    allDay: (start ?? end)?.kind === 'date',
    recurring: comp.hasProperty('rrule') || comp.hasProperty('rdate'),
  };
}
