import { describe, expect, it } from 'vitest';
import { agendaEvents } from '../../src/options/browse/agenda-events';
import type { ItemRecord } from '../../src/model/item';
import { freshDb } from '../support/test-db';

function event(n: number, fields: Partial<ItemRecord>): ItemRecord {
  return {
    id: `c|${n}`, accountId: 'acct', collectionId: 'c', kind: 'event', href: `${n}.ics`, etag: '1', raw: '', uid: null,
    title: `E${n}`, emails: [], phones: [], start: null, end: null, allDay: false, recurring: false,
    firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: null, live: 1, ...fields,
  };
}

const series = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:weekly',
  'SUMMARY:Weekly',
  'DTSTART:20240101T100000Z',
  'DTEND:20240101T110000Z',
  'RRULE:FREQ=WEEKLY',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('the agenda with repeating events', () => {
  it('lists under "Upcoming" the next dates of a series begun a year before, among single events', async () => {
    const db = freshDb();
    await db.items.bulkPut([
      event(1, { title: 'Weekly', raw: series, recurring: true, start: '2024-01-01T10:00:00Z', end: '2024-01-01T11:00:00Z' }),
      event(2, { title: 'Dentist', start: '2025-03-05T08:00:00Z' }),
      event(3, { title: 'Old', start: '2025-02-01T08:00:00Z' }),
    ]);
    const { events, full } = await agendaEvents(db, '2025-03-01', 'upcoming', { limit: 4, showDeleted: true });
    expect(events.map((e) => `${e.title} ${e.start}`)).toEqual([
      'Weekly 2025-03-03T10:00:00Z',
      'Dentist 2025-03-05T08:00:00Z',
      'Weekly 2025-03-10T10:00:00Z',
      'Weekly 2025-03-17T10:00:00Z',
    ]);
    expect(full).toBe(true);
    const past = await agendaEvents(db, '2025-03-01', 'past', { limit: 3, showDeleted: true });
    expect(past.events.map((e) => `${e.title} ${e.start}`)).toEqual(['Weekly 2025-02-24T10:00:00Z', 'Weekly 2025-02-17T10:00:00Z', 'Weekly 2025-02-10T10:00:00Z']);
    expect(new Set(events.map((e) => e.occurrenceKey)).size).toBe(4);
  });
});
