// The .vcf file as a whole: which cards, in what shape, and what stays byte for byte.
import { describe, expect, it } from 'vitest';
import { checkCard } from '../../src/cards/check-card';
import { deriveCardFields } from '../../src/cards/derive-card-fields';
import { exportVcf } from '../../src/exporters/vcard-export';
import { expectWellFormedVcf, loadFixtures, splitCards } from './vcard-export-helpers';

const fixtures = loadFixtures();
const byName = (name: string): string => fixtures.find((f) => f.name === name)?.raw ?? '';
const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

describe('exportVcf over every fixture', () => {
  for (const version of ['3.0', '4.0'] as const) {
    describe(`as vCard ${version}`, () => {
      const result = exportVcf(fixtures.map((f) => f.raw), { version });
      const cards = splitCards(result.text);

      it('writes each valid card once and reports each invalid one by index, with a reason', () => {
        expect(result.count).toBe(fixtures.filter((f) => f.valid).length);
        expect(cards).toHaveLength(result.count);
        expect(result.skipped.map((s) => fixtures[s.index]?.name)).toEqual(
          fixtures.filter((f) => !f.valid).map((f) => f.name),
        );
        for (const s of result.skipped) expect(s.reason).toMatch(/^[A-Z].{10,100}\.$/);
      });

      it('is well formed: CRLF, lines of at most 75 octets, no split UTF-8 character', () => {
        expectWellFormedVcf(result.text);
      });

      it(`declares VERSION:${version} in every card and ical.js reads every card`, () => {
        for (const card of cards) {
          expect(card).toMatch(new RegExp(`\\r\\nVERSION:${version.replace('.', '\\.')}\\r\\n`));
          expect(checkCard(card).ok).toBe(true);
        }
      });

      it('keeps the derived name, emails, phones and UID of every card', () => {
        const valid = fixtures.filter((f) => f.valid);
        cards.forEach((card, i) => {
          expect(deriveCardFields(card)).toEqual(deriveCardFields(valid[i]?.raw ?? ''));
        });
      });
    });
  }

  it('builds an empty file from no cards', () => {
    expect(exportVcf([])).toEqual({ text: '', count: 0, converted: 0, keptAsExtension: {}, cardsWithExtensions: 0, skipped: [] });
  });

  it('counts the cards whose properties a 3.0 file keeps under an x-name, for the summary', () => {
    const card = (gender: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nGENDER:${gender}\r\nEND:VCARD\r\n`;
    const plain = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\nEND:VCARD\r\n';
    const built = exportVcf([card('F'), card('M'), plain]);
    expect(built.keptAsExtension).toEqual({ GENDER: 2 });
    expect(built.cardsWithExtensions).toBe(2);
  });
});

describe('vCard 3.0 input in a 3.0 export', () => {
  it.each(['v30-icloud', 'groups', 'folded-japanese', 'big-photo', 'only-email', 'invalid-utf8'])(
    '%s comes out byte for byte as stored',
    (name) => {
      expect(exportVcf([byName(name)]).text).toBe(byName(name));
    },
  );

  it('only gets CRLF line endings, and the VERSION RFC 2426 requires, when stored otherwise', () => {
    expect(exportVcf([byName('lf-no-version')]).text).toBe(
      crlf(['begin:vcard', 'VERSION:3.0', 'fn:Lower Case', 'n:Case;Lower;;;', 'email:lower@example.com', 'end:vcard']),
    );
  });

  it('gets the FN that RFC 2426 §3.1.1 requires, named as the listing names it', () => {
    expect(exportVcf([byName('only-org')]).text).toBe(
      crlf(['BEGIN:VCARD', 'VERSION:3.0', 'FN:ACME Widgets\\, Ltd.', 'ORG:ACME Widgets\\, Ltd.;Sales', 'TEL:+1 555 0199', 'END:VCARD']),
    );
    expect(exportVcf([crlf(['BEGIN:VCARD', 'VERSION:4.0', 'NOTE:x', 'END:VCARD'])]).text).toBe(
      crlf(['BEGIN:VCARD', 'VERSION:3.0', 'FN:', 'NOTE:x', 'END:VCARD']),
    );
  });

  it('is folded where a line is over 75 octets, and nothing else changes', () => {
    const name = '山田太郎'.repeat(10);
    const card = crlf(['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, 'X-CUSTOM;X-P="a:b":kept', 'END:VCARD']);
    const out = exportVcf([card]).text;
    expectWellFormedVcf(out);
    expect(out).not.toBe(card);
    expect(out.replace(/\r\n /g, '')).toBe(card);
  });

  it('has blank lines and a byte order mark removed', () => {
    const card = '\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\n\r\nFN:A\r\nEND:VCARD\r\n\r\n';
    expect(exportVcf([card]).text).toBe(crlf(['BEGIN:VCARD', 'VERSION:3.0', 'FN:A', 'END:VCARD']));
  });
});
