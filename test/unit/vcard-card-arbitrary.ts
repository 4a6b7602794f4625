// Generated vCards for the property tests (not a test file itself): names and notes with emoji
// and other astral characters, parameter values with quotes, commas, colons, semicolons,
// carets and newlines, random bytes as PHOTO and KEY in each version's form, and lines folded
// at any octet, inside multi-byte characters too, with spaces or tabs. Written here, not with
// the exporter's helpers, so that the exporter is judged against an independent writer.
import fc from 'fast-check';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';

export type Version = '3.0' | '4.0';

export interface GeneratedCard {
  fn: string;
  family: string;
  given: string;
  note: string;
  paramValue: string;
  pref: boolean;
  photo: Uint8Array;
  key: Uint8Array;
  telDigits: string;
  ext: string;
}

const awkward = fc.constantFrom(',', ';', ':', '\n', '\\', '"', "'", ' ', '^', '=', '山', 'é', '😀', '𝒜', '👨‍👩‍👧‍👦', '\u0301', '🇯🇵');
const unit = fc.oneof(awkward, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
const text = fc.string({ unit, maxLength: 40 }).map((s) => s.replace(/\r\n?/g, '\n'));
// A parameter value cannot hold a control character other than the newline ^n stands for.
const paramText = fc.string({ unit, maxLength: 30 }).map((s) => s.replace(/[\r\t]/g, ' '));
const bytes = fc.uint8Array({ minLength: 1, maxLength: 400 });

export const generatedCard: fc.Arbitrary<GeneratedCard> = fc.record({
  fn: text,
  family: text,
  given: text,
  note: text,
  paramValue: paramText,
  pref: fc.boolean(),
  photo: bytes,
  key: bytes,
  telDigits: fc.stringMatching(/^[0-9]{3,12}$/),
  ext: fc.stringMatching(/^[0-9]{0,4}$/),
});

/** RFC 6350 §3.4 / RFC 2426 §4 TEXT escaping. */
function escape(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** RFC 6868 carets, always quoted (RFC 6350 §3.3 allows quotes around any value). */
function quoted(value: string): string {
  return `"${value.replace(/\^/g, '^^').replace(/\n/g, '^n').replace(/"/g, "^'")}"`;
}

const base64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** The card's logical lines, in `version`'s own forms. */
export function cardLines(version: Version, c: GeneratedCard): string[] {
  const v4 = version === '4.0';
  const pref = c.pref ? (v4 ? ';PREF=1' : ',pref') : '';
  const tel = `+1-${c.telDigits}${c.ext === '' ? '' : `;ext=${c.ext}`}`;
  return [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    `FN:${escape(c.fn)}`,
    `N:${escape(c.family)};${escape(c.given)};;;`,
    `NOTE:${escape(c.note)}`,
    v4 ? `EMAIL;TYPE=home;X-NOTE=${quoted(c.paramValue)}${pref}:a@b.example` : `EMAIL;TYPE=home${pref};X-NOTE=${quoted(c.paramValue)}:a@b.example`,
    v4 ? `PHOTO:data:image/jpeg;base64,${base64(c.photo)}` : `PHOTO;ENCODING=b;TYPE=JPEG:${base64(c.photo)}`,
    v4 ? `KEY:data:application/pgp-keys;base64,${base64(c.key)}` : `KEY;ENCODING=b;TYPE=PGP:${base64(c.key)}`,
    v4 ? `TEL;VALUE=uri;TYPE=cell:tel:${tel}` : `TEL;TYPE=cell:${tel.replace(';ext=', ' ext. ')}`,
    'END:VCARD',
  ];
}

/** Fractions of a line's length (0 < f < 1) where a fold goes, and its whitespace. */
export const folds = fc.array(fc.record({ at: fc.double({ min: 0.01, max: 0.99, noNaN: true }), tab: fc.boolean() }), { maxLength: 12 });

/**
 * The card as a server could send it: UTF-8, each line folded at the given fractions of its
 * length in octets, wherever that falls (RFC 6350 §3.2 forbids a fold inside a character; some
 * servers do it anyway), then decoded as the sync engine decodes (decodeFoldedUtf8).
 */
export function servedText(lines: string[], where: { at: number; tab: boolean }[]): string {
  const utf8 = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const line of lines) {
    const b = utf8.encode(line);
    const cuts = [...new Set(where.map((w) => Math.max(1, Math.floor(w.at * b.length))))].filter((n) => n < b.length).sort((x, y) => x - y);
    let start = 0;
    for (const cut of cuts) {
      parts.push(b.subarray(start, cut), utf8.encode(where.find((w) => Math.max(1, Math.floor(w.at * b.length)) === cut)?.tab ? '\r\n\t' : '\r\n '));
      start = cut;
    }
    parts.push(b.subarray(start), utf8.encode('\r\n'));
  }
  return decodeFoldedUtf8(Buffer.concat(parts));
}
