// The benchmark's data mix is what the issue asks for: a share of contacts with 20–50 KB photos,
// grouped properties, long notes; events with alarms and attendees; tasks with due dates.
import { describe, expect, it } from 'vitest';
import { benchCard, benchCollections, benchEvent, benchTask, dataSize } from '../../bench/generate-data';

const unfold = (text: string): string => text.replace(/\r\n[ \t]/g, '');
const photoOf = (text: string): string | undefined => /\r\nPHOTO;ENCODING=b;TYPE=JPEG:([^\r]*)/.exec(unfold(text))?.[1];

describe('benchmark data', () => {
  const cards = Array.from({ length: 1000 }, (_, i) => benchCard(i + 1).data);

  it('gives 15% of contacts a 20–50 KB photo', () => {
    const photos = cards.map(photoOf).filter((p): p is string => p !== undefined);
    expect(photos).toHaveLength(150);
    for (const photo of photos) {
      const bytes = Buffer.from(photo, 'base64').length;
      expect(bytes).toBeGreaterThanOrEqual(20_000);
      expect(bytes).toBeLessThanOrEqual(50_001);
    }
  });

  it('has grouped labelled addresses and notes of several KB', () => {
    // Grouped by the `item2.` prefix (RFC 6350 §3.3), wherever the two lines sit in the card;
    // a quarter of the cards but the ten contact groups among them (card 50, 150, …).
    expect(cards.filter((c) => /\r\nitem2\.ADR;/.test(unfold(c)) && /\r\nitem2\.X-ABLABEL:/.test(c))).toHaveLength(240);
    const notes = cards.flatMap((c) => [...unfold(c).matchAll(/\r\nNOTE:([^\r]*)/g)].map((m) => m[1]!.length));
    expect(notes.filter((n) => n >= 2000)).toHaveLength(100);
  });

  it('has events with alarms, attendees and series, and tasks with due dates', () => {
    const events = Array.from({ length: 100 }, (_, i) => unfold(benchEvent(i + 1).data));
    expect(events.filter((e) => e.includes('BEGIN:VALARM'))).toHaveLength(40);
    expect(events.filter((e) => e.includes('\r\nATTENDEE;'))).toHaveLength(30);
    expect(events.filter((e) => e.includes('\r\nRRULE:') && e.includes('\r\nRECURRENCE-ID'))).toHaveLength(10);
    // The alarm belongs to the series' master, before its END:VEVENT.
    expect(events.find((e) => e.includes('RECURRENCE-ID') && e.includes('VALARM'))).toMatch(/END:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT/);
    expect(unfold(benchTask(2).data)).toMatch(/\r\nDUE;TZID=[^\r]+\r\n[\s\S]*BEGIN:VALARM/);
  });

  it('sizes the collections as contacts, as many events, a tenth as many tasks', () => {
    expect(benchCollections(dataSize(50)).map((c) => [c.name, c.items?.length])).toEqual([['contacts', 50], ['calendar', 50], ['tasks', 5]]);
  });
});
