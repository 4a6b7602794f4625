// Shared checks for exported .vcf text (not a test file itself).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';

export const fixtureDir = fileURLToPath(new URL('../fixtures/vcard/', import.meta.url));

/** Every fixture card, decoded as the sync engine decodes server bytes. */
export function loadFixtures(): { name: string; raw: string; valid: boolean }[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.vcf'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(`${fixtureDir}${f.slice(0, -4)}.json`, 'utf8')) as { valid: boolean };
      return { name: f.slice(0, -4), raw: decodeFoldedUtf8(readFileSync(`${fixtureDir}${f}`)), valid: expected.valid };
    });
}

/**
 * RFC 6350 §3.2 at the byte level: CRLF only; each line at most 75 octets; no fold inside a
 * UTF-8 character (each line alone is valid UTF-8); whole BEGIN…END blocks.
 */
export function expectWellFormedVcf(text: string): void {
  expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  if (text === '') return;
  expect(text.endsWith('\r\n')).toBe(true);
  const bytes = new TextEncoder().encode(text);
  const strict = new TextDecoder('utf-8', { fatal: true });
  const bad: string[] = []; // collected, not asserted line by line: a photo is 4,000 lines
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
  const lines = text.split('\r\n').slice(0, -1);
  const begins = lines.filter((l) => /^BEGIN:VCARD$/i.test(l)).length;
  expect(lines.filter((l) => /^END:VCARD$/i.test(l)).length).toBe(begins);
  expect(lines[0]).toMatch(/^BEGIN:VCARD$/i);
  expect(lines[lines.length - 1]).toMatch(/^END:VCARD$/i);
}

/** The cards of an export, each with its final CRLF. */
export function splitCards(text: string): string[] {
  return text.split(/(?<=\r\nEND:VCARD\r\n)/i).filter((c) => c !== '');
}
