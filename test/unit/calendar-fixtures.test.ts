// Fixture pairs: test/fixtures/calendar/x.ics (bytes as a server would send them) and x.json
// (what the calendar reader must make of them, and how many components the export keeps).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarReader } from '../../src/sync/readers/calendar-reader';
import { fixtureDir, loadFixtures } from './calendar-helpers';

const fixtures = loadFixtures();

describe('calendar object fixtures', () => {
  it('cover every case the brief lists', () => {
    const names = fixtures.map((f) => f.name);
    for (const name of [
      'recurring-dst-overrides', 'all-day', 'all-day-multi', 'floating', 'utc', 'duration-exact-dst',
      'duration-nominal-day', 'todo-due', 'todo-no-dates', 'journal', 'folded-japanese', 'folded-split-utf8',
      'alarm-attendees', 'malformed-missing-end', 'malformed-garbage', 'malformed-empty', 'malformed-two-uids',
      'count-5000', 'invalid-utf8', 'tzid-without-vtimezone', 'tzid-unknown',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: the reader gives the .json', (_name, f) => {
    const reading = calendarReader.read(f.raw);
    if (f.valid) expect(reading).toEqual({ ok: true, fields: f.fields });
    else expect(reading).toEqual({ ok: false, reason: f.reason });
  });

  it('reads a 5,000-occurrence series without expanding it', () => {
    const raw = fixtures.find((f) => f.name === 'count-5000')?.raw ?? '';
    calendarReader.read(raw);
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(calendarReader.read(raw).ok).toBe(true);
    // Expanding 5,000 occurrences with ical.js takes ~50 ms each; reading takes well under 1.
    expect((performance.now() - started) / 20).toBeLessThan(10);
  });

  it('needs decodeUnfolded for a fold inside a character: naive decoding loses the title', () => {
    const naive = new TextDecoder().decode(readFileSync(`${fixtureDir}folded-split-utf8.ics`));
    const reading = calendarReader.read(naive);
    expect(reading.ok && reading.fields.title).toContain('\uFFFD');
  });
});

describe('the calendar reader never throws', () => {
  const pieces = fixtures.flatMap((f) => f.raw.split(/\r?\n/)).filter((l) => l !== '');

  it('on shuffled, cut and repeated lines of the fixtures', () => {
    const lines = fc.array(fc.constantFrom(...pieces), { maxLength: 40 });
    const text = fc.tuple(lines, fc.constantFrom('\r\n', '\n', '\r')).map(([ls, eol]) => ls.join(eol));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (raw) => {
        const reading = calendarReader.read(`BEGIN:VCALENDAR\r\n${raw}`);
        if (!reading.ok) expect(reading.reason).toMatch(/^[A-Z].*\.$/);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const reading = calendarReader.read(raw);
        expect(reading.ok).toBe(false);
      }),
    );
  });
});
