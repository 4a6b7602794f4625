// Property tests: whatever a person typed as a name or an email (any script, emoji, commas,
// semicolons, backslashes, newlines), a card built with ical.js and exported comes back through
// ical.js with the same values, and the file obeys RFC 6350 §3.2 line by line.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkCard } from '../../src/cards/check-card';
import { exportVcf } from '../../src/exporters/vcard-export';
import { expectWellFormedVcf, splitCards } from './vcard-export-helpers';

const awkward = fc.constantFrom(',', ';', ':', '\n', '\\', '"', "'", ' ', '\t', '=', '^', '山', 'é', '😀', '👨‍👩‍👧‍👦', '\u0301');
const anyGrapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });
// A bare CR cannot be carried by a vCard text value (RFC 6350 §3.4 escapes only newlines as
// "\n"), and ical.js writes it raw, breaking the line; people's CRs arrive as newlines.
const text = (unit: fc.Arbitrary<string> = fc.oneof(awkward, anyGrapheme)): fc.Arbitrary<string> =>
  fc.string({ unit, maxLength: 60 }).map((s) => s.replace(/\r\n?/g, '\n'));

interface Person {
  fn: string;
  family: string;
  given: string;
  emails: string[];
}

const person: fc.Arbitrary<Person> = fc.record({
  fn: text(),
  family: text(),
  given: text(),
  emails: fc.array(fc.oneof(fc.emailAddress(), text()), { maxLength: 3 }),
});

function build(version: '3.0' | '4.0', p: Person): string {
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', version);
  card.addPropertyWithValue('fn', p.fn);
  const n = new ICAL.Property('n', card);
  n.setValue([p.family, p.given, '', '', '']);
  card.addProperty(n);
  for (const e of p.emails) card.addPropertyWithValue('email', e);
  return card.toString();
}

function readBack(exported: string): Person {
  const card = new ICAL.Component(ICAL.parse(exported) as unknown[]);
  const n = card.getFirstPropertyValue('n') as unknown as string[];
  return {
    fn: card.getFirstPropertyValue('fn') as string,
    family: n[0] ?? '',
    given: n[1] ?? '',
    emails: card.getAllProperties('email').map((e) => e.getFirstValue() as string),
  };
}

/**
 * N as ical.js reads the card it built. ical.js 2.2 reads an escaped backslash right before a
 * component separator (`\\;` in the text) as an escaped ";", so for such names it disagrees with itself;
 * the export must not change what it reads, which is what this compares.
 */
function nameAsIcalReadsIt(version: '3.0' | '4.0', p: Person): Pick<Person, 'family' | 'given'> {
  const { family, given } = readBack(build(version, p));
  return { family, given };
}

describe('a card built by ical.js and exported', () => {
  for (const from of ['3.0', '4.0'] as const) {
    for (const to of ['3.0', '4.0'] as const) {
      it(`round-trips through ical.js, vCard ${from} → ${to}, lines ≤ 75 octets`, () => {
        fc.assert(
          fc.property(fc.array(person, { minLength: 1, maxLength: 3 }), (people) => {
            const { text: out, skipped } = exportVcf(people.map((p) => build(from, p)), { version: to });
            expect(skipped).toEqual([]);
            expectWellFormedVcf(out);
            const cards = splitCards(out);
            expect(cards.map(readBack)).toEqual(people.map((p) => ({ ...p, ...nameAsIcalReadsIt(from, p) })));
            for (const c of cards) expect(checkCard(c).ok).toBe(true);
          }),
        );
      });
    }
  }
});

/** Quoted-printable (RFC 2045 §6.7) of UTF-8, soft line breaks at most 76 characters apart. */
function quotedPrintable(value: string): string {
  const encoded = [...new TextEncoder().encode(value)].map((b) =>
    /[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
  );
  const lines: string[] = [''];
  for (const e of encoded) {
    if ((lines[lines.length - 1] ?? '').length + e.length > 72) lines.push('');
    lines[lines.length - 1] += e;
  }
  return lines.join('=\r\n');
}

describe('a vCard 2.1 card with a quoted-printable name', () => {
  it('exports as 3.0 that ical.js reads back with the same name', () => {
    // 2.1 has no backslash escapes except "\;" in compound values, so a literal backslash
    // cannot be told apart from one: left out here.
    const name = text(fc.oneof(awkward, anyGrapheme).filter((c) => !c.includes('\\')));
    fc.assert(
      fc.property(name, (fn) => {
        const raw = `BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable(fn)}\r\nTEL;CELL:1\r\nEND:VCARD\r\n`;
        const { text: out } = exportVcf([raw]);
        expectWellFormedVcf(out);
        const card = new ICAL.Component(ICAL.parse(out) as unknown[]);
        expect(card.getFirstPropertyValue('fn')).toBe(fn);
        expect(card.getFirstProperty('tel')?.getParameter('type')).toBe('CELL');
      }),
    );
  });
});
