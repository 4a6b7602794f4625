// Test events and tasks. By default an event is one UTC meeting; a shape adds what real
// calendars hold: a time zone with its VTIMEZONE, all-day dates, or a weekly series with an
// excluded date and one moved occurrence (an override with RECURRENCE-ID, RFC 5545 §3.8.4.4).
import { foldLine, pad } from './sample-items';
import type { SeedItem } from './seed-types';
import { vtimezoneLines, type SampleZone } from './sample-zones';

export interface EventShape {
  /** Local times in this zone, with its VTIMEZONE; default UTC. */
  zone?: SampleZone;
  allDay?: boolean;
  /** Weekly, 10 times, one date excluded and one occurrence moved. */
  recurring?: boolean;
  /** A changed event (as another client would save it) has a higher revision. */
  revision?: number;
}

const MARCH_2025 = Date.UTC(2025, 2, 1);
const DAY_MS = 86_400_000;

/** `20250312`: the date `days` after 1 March 2025. */
function dateAfter(days: number): string {
  return new Date(MARCH_2025 + days * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** A DTSTART/DTEND/RECURRENCE-ID/EXDATE line for a date, at `hour` unless all-day. */
function timeLine(name: string, date: string, hour: number, shape: EventShape): string {
  if (shape.allDay) return `${name};VALUE=DATE:${date}`;
  const time = `${date}T${String(hour).padStart(2, '0')}0000`;
  return shape.zone ? `${name};TZID=${shape.zone}:${time}` : `${name}:${time}Z`;
}

function calendar(components: string[], zone: SampleZone | undefined): string[] {
  const timezone = zone ? vtimezoneLines(zone) : [];
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Test//EN', ...timezone, ...components, 'END:VCALENDAR'];
}

export function makeEvent(index: number, shape: EventShape = {}): SeedItem {
  const id = pad(index);
  const day = index % 28;
  const revision = shape.revision ?? 0;
  const summary = `SUMMARY:Réunion ${id} – café & <croissants>${revision > 0 ? ` (v${revision})` : ''}`;
  const start = dateAfter(day);
  const main = [
    'BEGIN:VEVENT',
    `UID:lifeboat-event-${id}`,
    'DTSTAMP:20250101T000000Z',
    timeLine('DTSTART', start, 9, shape),
    timeLine('DTEND', shape.allDay ? dateAfter(day + 1) : start, 10, shape),
    ...(shape.recurring ? ['RRULE:FREQ=WEEKLY;COUNT=10', timeLine('EXDATE', dateAfter(day + 21), 9, shape)] : []),
    summary,
    'END:VEVENT',
  ];
  const moved = shape.recurring
    ? [
        'BEGIN:VEVENT',
        `UID:lifeboat-event-${id}`,
        'DTSTAMP:20250101T000000Z',
        timeLine('RECURRENCE-ID', dateAfter(day + 7), 9, shape),
        timeLine('DTSTART', dateAfter(day + (shape.allDay ? 8 : 7)), 11, shape),
        timeLine('DTEND', dateAfter(day + (shape.allDay ? 9 : 7)), 12, shape),
        'SEQUENCE:1',
        `SUMMARY:Réunion ${id} (moved)`,
        'END:VEVENT',
      ]
    : [];
  return { name: `event-${id}.ics`, data: calendar([...main, ...moved], shape.zone).map(foldLine).join('') };
}

export function makeEvents(count: number, first = 1): SeedItem[] {
  return Array.from({ length: count }, (_, i) => makeEvent(first + i));
}

/** A to-do with a due date in its zone; every third one is done. */
export function makeTask(index: number, revision = 0, zone?: SampleZone): SeedItem {
  const id = pad(index);
  const done = index % 3 === 0;
  const todo = [
    'BEGIN:VTODO',
    `UID:lifeboat-task-${id}`,
    'DTSTAMP:20250101T000000Z',
    timeLine('DUE', dateAfter(index % 60), 17, zone ? { zone } : {}),
    `PRIORITY:${(index % 9) + 1}`,
    ...(done ? ['COMPLETED:20250102T080000Z', 'STATUS:COMPLETED'] : ['STATUS:NEEDS-ACTION']),
    `SUMMARY:Tâche ${id}: rappeler l’équipe – 電話する${revision > 0 ? ` (v${revision})` : ''}`,
    'END:VTODO',
  ];
  return { name: `task-${id}.ics`, data: calendar(todo, zone).map(foldLine).join('') };
}
