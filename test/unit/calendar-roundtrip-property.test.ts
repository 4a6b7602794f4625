// Property: generated calendar objects (calendar-object-arbitrary.ts), served folded anywhere,
// mirrored by the engine and exported, read back by ical.js exactly as the object reads alone:
// every component, property, parameter and value, series, overrides and alarms included.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseComponent } from '../../src/calendars/parse-component';
import { exportIcs } from '../../src/exporters/ical-export';
import { readers } from '../../src/sync/readers/index';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource } from '../support/memory-source';
import { addTestAccount, freshDb } from '../support/test-db';
import { expectWellFormedIcs } from './calendar-helpers';
import { objectSpec, objectText, servedText } from './calendar-object-arbitrary';

const CALENDAR = 'https://dav.example.com/alice/calendar/';

/** Each non-VTIMEZONE component's jCal, keyed by UID and RECURRENCE-ID. */
function components(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of parseComponent(text).getAllSubcomponents()) {
    if (c.name === 'vtimezone') continue;
    const rid = c.getFirstProperty('recurrence-id')?.toICALString() ?? '';
    out.set(`${String(c.getFirstPropertyValue('uid'))} ${rid}`, c.toJSON());
  }
  return out;
}

describe('calendar objects survive mirror → export → parse', () => {
  it('unchanged, as ical.js reads them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(objectSpec, fc.array(fc.nat(), { maxLength: 12 })), { minLength: 1, maxLength: 6 }), async (specs) => {
        const originals = specs.map(([spec], i) => objectText(spec, i));
        const db = freshDb();
        const account = await addTestAccount(db);
        const source = new MemorySource();
        source.addCollection(CALENDAR, 'Calendar', true, 'calendar');
        specs.forEach(([, folds], i) => source.put(CALENDAR, `${CALENDAR}${i}.ics`, servedText(originals[i] ?? '', folds)));
        const summary = await syncAccount({ db, source, readers, now: () => 1 }, account);
        expect(summary.errors).toEqual([]);
        const items = await db.items.toArray();
        expect(items).toHaveLength(specs.length);
        for (const item of items) expect((item as { degraded?: string }).degraded).toBeUndefined();
        const { text, skipped } = exportIcs(items.map((i) => i.raw));
        expect(skipped).toEqual([]);
        expectWellFormedIcs(text);
        const expected = new Map(originals.flatMap((o) => [...components(o)]));
        expect(components(text)).toEqual(expected);
        // Text values decoded, not only carried: the SUMMARY is the generated string.
        const first = parseComponent(text).getAllSubcomponents().find((c) => c.getFirstPropertyValue('uid') === 'gen-0@example.org' && !c.hasProperty('recurrence-id'));
        expect(first?.getFirstPropertyValue('summary')).toBe(specs[0]?.[0].summary);
        await db.delete();
      }),
      { numRuns: 60 },
    );
  });

  it('needs the folds repaired: decoding a fold inside a character naively changes the text', () => {
    const original = objectText({ kind: 'VEVENT', zoned: false, day: 1, series: false, override: false, alarm: false, summary: '😀😀', description: 'x', cn: '"a"', note: '"b"' }, 0);
    const at = new TextEncoder().encode(original).indexOf(0xf0) + 2; // inside the first emoji
    const served = servedText(original, [at]);
    expect(ICAL.parse(served)).toEqual(ICAL.parse(original));
    const bytes = new TextEncoder().encode(original);
    const naive = new TextDecoder().decode(new Uint8Array([...bytes.subarray(0, at), 0x0d, 0x0a, 0x20, ...bytes.subarray(at)]));
    expect(naive).toContain('\uFFFD');
  });
});
