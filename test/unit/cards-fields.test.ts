// Listing fields, and the small readers they rely on: tel: URIs, text escapes, split UTF-8.
import { describe, expect, it } from 'vitest';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';
import { deriveCardFields } from '../../src/cards/derive-card-fields';
import { telToText } from '../../src/cards/tel-text';
import { escapeLegacyText, splitStructured } from '../../src/cards/text-values';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

describe('deriveCardFields', () => {
  it('names a card by FN, then N, then ORG, then the first email, then "(no name)"', () => {
    expect(deriveCardFields(card('FN: Ada Lovelace ', 'N:Lovelace;Ada;;;')).fullName).toBe('Ada Lovelace');
    expect(deriveCardFields(card('FN:', 'N:Lovelace;Ada;King,Byron;Countess;FRS')).fullName).toBe(
      'Countess Ada King Byron Lovelace FRS',
    );
    expect(deriveCardFields(card('N:;;;;', 'ORG:;Analytical Engines'))).toMatchObject({ fullName: 'Analytical Engines' });
    expect(deriveCardFields(card('EMAIL:a@b.c', 'EMAIL:d@e.f')).fullName).toBe('a@b.c');
    expect(deriveCardFields(card('NOTE:nothing else'))).toEqual({ uid: null, fullName: '(no name)', emails: [], phones: [] });
  });

  it('unescapes values and puts a multi-line FN on one line', () => {
    expect(deriveCardFields(card('FN:Smith\\, John\\nJr.')).fullName).toBe('Smith, John Jr.');
  });

  it('reads every EMAIL and TEL, grouped or not, and plain numbers out of tel: URIs', () => {
    const fields = deriveCardFields(
      ['BEGIN:VCARD', 'VERSION:4.0', 'FN:x', 'item1.EMAIL:a@b.c', 'EMAIL:', 'TEL;VALUE=uri:tel:+1-555-0100', 'TEL:+44 20', 'END:VCARD'].join('\r\n'),
    );
    expect(fields).toMatchObject({ emails: ['a@b.c'], phones: ['+1-555-0100', '+44 20'] });
  });

  it('still reads what it can of a card ical.js cannot read, and never throws', () => {
    expect(deriveCardFields('BEGIN:VCARD\r\nFN:Half\r\nTEL:1\r\nUID:u1')).toEqual({
      uid: 'u1',
      fullName: 'Half',
      emails: [],
      phones: ['1'],
    });
    for (const raw of ['', '\u0000', ':', ';;;', 'BEGIN:VCARD\r\nN;X="open:', 'END:VCARD\r\nEND:VCARD']) {
      expect(deriveCardFields(raw).fullName).toBeTypeOf('string');
    }
  });
});

describe('telToText', () => {
  it.each([
    ['tel:+1-418-656-9254;ext=102', '+1-418-656-9254 ext. 102'],
    ['TEL:+44%2020%207946%200000', '+44 20 7946 0000'],
    ['tel:863-1234;phone-context=+1-914-555', '863-1234'],
    [' +1 (555) 0100 ', '+1 (555) 0100'],
    ['tel:%E0%A4%A', '%E0%A4%A'],
  ])('%s → %s', (uri, text) => {
    expect(telToText(uri)).toBe(text);
  });
});

describe('text values', () => {
  it('escape vCard 2.1 text for 3.0: commas, backslashes and newlines; "\\;" kept', () => {
    expect(escapeLegacyText('a,b\\;c\\d\r\ne\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('split compound values on unescaped semicolons only', () => {
    expect(splitStructured('Doe\\;Smith;John\\, Jr.;;\\\\')).toEqual(['Doe;Smith', 'John, Jr.', '', '\\']);
  });
});

describe('decodeFoldedUtf8', () => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
  const join = (...parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  };

  it('removes CRLF or LF plus one space or tab only where it splits a character', () => {
    const taro = utf8('太郎😀'); // 3 + 3 + 4 octets
    for (const fold of ['\r\n ', '\n ', '\r\n\t']) {
      const bytes = join(utf8('FN:'), taro.subarray(0, 1), utf8(fold), taro.subarray(1, 8), utf8(fold), taro.subarray(8));
      expect(decodeFoldedUtf8(bytes)).toBe('FN:太郎😀');
    }
    expect(decodeFoldedUtf8(utf8('FN:太\r\n 郎'))).toBe('FN:太\r\n 郎');
  });
});
