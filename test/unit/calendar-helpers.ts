// Shared loading and checks for the calendar tests (not a test file itself).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { decodeUnfolded } from '../../src/shared/unfold-content-lines';
import type { CalendarFields } from '../../src/calendars/calendar-fields';

export const fixtureDir = fileURLToPath(new URL('../fixtures/calendar/', import.meta.url));

export interface CalendarFixture {
  name: string;
  /** Decoded as the sync engine decodes server bytes (repairing folds inside a character). */
  raw: string;
  valid: boolean;
  /** Why the reader refuses it, or (stored but left out of the export) why the export skips it. */
  reason?: string;
  fields?: CalendarFields;
  /** Components (other than VTIMEZONE) the export must hold; 0 when it must skip the object. */
  components: number;
}

export function loadFixtures(): CalendarFixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.ics'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      const expected = JSON.parse(readFileSync(`${fixtureDir}${name}.json`, 'utf8')) as Omit<CalendarFixture, 'name' | 'raw'>;
      return { ...expected, name, raw: decodeUnfolded(readFileSync(`${fixtureDir}${f}`)) };
    });
}

/**
 * RFC 5545 §3.1 at the byte level: CRLF only, ending in CRLF; each line at most 75 octets; no
 * fold inside a UTF-8 character (each line alone is valid UTF-8); one VCALENDAR.
 */
export function expectWellFormedIcs(text: string): void {
  expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
  expect(text.match(/^BEGIN:VCALENDAR\r$/gm)).toHaveLength(1);
  const bytes = new TextEncoder().encode(text);
  const strict = new TextDecoder('utf-8', { fatal: true });
  const bad: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    if (line.length > 75) bad.push(`${line.length} octets: ${new TextDecoder().decode(line)}`);
    try {
      strict.decode(line);
    } catch {
      bad.push(`not UTF-8 on its own: ${new TextDecoder().decode(line)}`);
    }
    start = i + 2;
  }
  expect(bad).toEqual([]);
}

/** Unfolded content lines of a text (RFC 5545 §3.1), blank lines dropped. */
export function unfold(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .reduce<string[]>((out, line) => {
      if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1] += line.slice(1);
      else if (line.trim() !== '') out.push(line);
      return out;
    }, []);
}
