// splitCalendar reads BEGIN and END on unfolded lines only: a fold may fall anywhere in a line
// (RFC 5545 §3.1), including just before a word "end:" inside a DESCRIPTION.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCalendar } from '../../src/calendars/split-calendar';
import { decodeUnfolded, foldedLines, unfoldLines } from '../../src/shared/unfold-content-lines';

function event(i: number, description: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:feed-${i}@example.org`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART:202603${String(i + 1).padStart(2, '0')}T090000Z`,
    `SUMMARY:Event ${i}`,
    `DESCRIPTION:${description}`,
    'END:VEVENT',
  ];
}

function feed(events: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Feed//EN', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');
}

describe('splitCalendar and folded lines', () => {
  it('keeps all 12 events of a feed where one fold falls inside "week|end:"', () => {
    const events = Array.from({ length: 12 }, (_, i) => event(i, `Plans for the weekend: hike ${i}`));
    // The fourth event's DESCRIPTION folded right after "week": its continuation starts "end:".
    const fourth = events[3]!;
    fourth[5] = 'DESCRIPTION:Plans for the week\r\n end: hike 3';
    const { items, problems } = splitCalendar(feed(events));
    expect(problems).toEqual([]);
    expect(items).toHaveLength(12);
    expect(items[3]).toContain('DESCRIPTION:Plans for the week\r\n end: hike 3\r\nEND:VEVENT');
    expect(items.map((t) => /UID:(.*)/.exec(t)?.[1])).toEqual(events.map((_, i) => `feed-${i}@example.org`));
  });

  it('keeps every event, each line as written, wherever lines are folded and whatever the line breaks', () => {
    const words = fc.constantFrom('end:', 'END:VEVENT', 'BEGIN:VEVENT', 'week', 'é', '😀', ' ', ';', ',', 'x');
    const description = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => w.join(''));
    const folds = fc.array(fc.nat(), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(description, folds), { minLength: 1, maxLength: 8 }), fc.constantFrom('\r\n', '\n'), (specs, eol) => {
        const events = specs.map(([d, at], i) => {
          const lines = event(i, d);
          const line = lines[5]!;
          // Folds at the given positions (after the name, so the line still starts "DESCRIPTION:").
          const cuts = [...new Set(at.map((n) => 12 + (n % Math.max(1, line.length - 12))))].sort((a, b) => a - b);
          const pieces = cuts.map((c, k) => line.slice(k === 0 ? 0 : cuts[k - 1], c)).concat(line.slice(cuts.at(-1) ?? 0));
          lines[5] = pieces.filter((p) => p !== '').join(`${eol} `);
          return lines;
        });
        const { items, problems } = splitCalendar(feed(events).replace(/\r\n/g, eol));
        expect(problems).toEqual([]);
        expect(items).toHaveLength(events.length);
        items.forEach((item, i) => {
          expect(unfoldLines(item)).toContain(`DESCRIPTION:${specs[i]![0]}`);
          const physical = foldedLines(item).find((l) => l.text.startsWith('DESCRIPTION:'))?.physical;
          expect(physical?.join(eol)).toBe(events[i]![5]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('unfoldLines', () => {
  it('removes CRLF or LF and exactly one space or tab, and joins a surrogate pair split by a fold', () => {
    expect(unfoldLines('A:1\r\n  2\n\t3\r\nB:😀'.replace('😀', '\uD83D\r\n \uDE00'))).toEqual(['A:1 23', 'B:😀']);
  });
});

describe('decodeUnfolded', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('removes a fold that splits a UTF-8 character, before decoding, and keeps every other fold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)), fc.nat(), fc.constantFrom('\r\n ', '\n\t'), (value, at, fold) => {
        const bytes = utf8(`SUMMARY:${value}`);
        const cut = 8 + (at % (bytes.length - 8));
        const folded = new Uint8Array([...bytes.subarray(0, cut), ...utf8(fold), ...bytes.subarray(cut)]);
        expect(unfoldLines(decodeUnfolded(folded))).toEqual([`SUMMARY:${value}`]);
      }),
    );
    expect(decodeUnfolded(utf8('FN:太\r\n 郎'))).toBe('FN:太\r\n 郎');
  });
});
