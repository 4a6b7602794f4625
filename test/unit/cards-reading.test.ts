// Reading a card's structure: content lines, unfolding, and the reasons a card is refused.
import { describe, expect, it } from 'vitest';
import { splitCard } from '../../src/cards/card-lines';
import { checkCard } from '../../src/cards/check-card';
import { formatContentLine, parseContentLine } from '../../src/cards/content-line';
import { readCard } from '../../src/cards/read-card';

describe('parseContentLine', () => {
  it('splits group, name, parameters (quoted ones included) and value', () => {
    expect(parseContentLine('item1.EMAIL;TYPE=INTERNET,pref;X-A="a;b:c":x@y:z')).toEqual({
      group: 'item1',
      name: 'EMAIL',
      upperName: 'EMAIL',
      params: [
        { name: 'TYPE', values: ['INTERNET', 'pref'] },
        { name: 'X-A', values: ['a;b:c'] },
      ],
      value: 'x@y:z',
    });
  });

  it('keeps vCard 2.1 bare parameters, as parameters without values', () => {
    expect(parseContentLine('TEL;WORK;VOICE:1')?.params).toEqual([
      { name: 'WORK', values: null },
      { name: 'VOICE', values: null },
    ]);
  });

  it.each(['no colon', ':value', 'FN;:x', 'FN;X="open:x', 'FN;X=a"b":x', 'item1.:x'])('rejects %j', (line) => {
    expect(parseContentLine(line)).toBeNull();
  });

  it('writes a line back so that it parses to the same thing', () => {
    const line = 'item1.ADR;TYPE=home,pref;LABEL="1 Main St, Springfield":;;1 Main St;;;;';
    const parsed = parseContentLine(line);
    expect(parsed && parseContentLine(formatContentLine(parsed))).toEqual(parsed);
  });
});

describe('splitCard', () => {
  it('unfolds CRLF, LF and CR line breaks and space or tab continuations', () => {
    const { logical } = splitCard('BEGIN:VCARD\nFN:Ab\r\n\tcd\r ef\nEND:VCARD');
    expect(logical.map((l) => l.text)).toEqual(['BEGIN:VCARD', 'FN:Abcdef', 'END:VCARD']);
    expect(logical[1]).toMatchObject({ first: 1, count: 3 });
  });

  it('joins vCard 2.1 quoted-printable soft line breaks, even when not indented', () => {
    const { logical } = splitCard('NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nb=\r\nc\r\nFN:x');
    expect(logical.map((l) => l.text)).toEqual(['NOTE;ENCODING=QUOTED-PRINTABLE:a=\nb=\nc', 'FN:x']);
  });

  it('joins vCard 2.1 base64 lines that are not indented, up to the blank line', () => {
    const { logical } = splitCard('PHOTO;ENCODING=BASE64;JPEG:AAAA\r\nBBBB\r\nCC==\r\n\r\nFN:x');
    expect(logical.map((l) => l.text)).toEqual(['PHOTO;ENCODING=BASE64;JPEG:AAAABBBBCC==', 'FN:x']);
  });
});

describe('readCard reasons', () => {
  it.each([
    ['', 'The card is empty.'],
    ['  \r\n\r\n', 'The card is empty.'],
    ['BEGIN:VCALENDAR\r\nEND:VCALENDAR', 'This is a calendar item (BEGIN:VCALENDAR), not a vCard.'],
    ['FN:x\r\nBEGIN:VCARD\r\nEND:VCARD', 'Not a vCard: it does not start with BEGIN:VCARD.'],
    ['BEGIN:VCARD\r\nFN:x\r\n', 'The card is cut short: END:VCARD is missing.'],
    ['BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nEND:VCARD', 'More than one card in one item.'],
    ['BEGIN:VCARD\r\nEND:VCARD\r\nX:y', 'Unexpected text after END:VCARD (line 3).'],
    ['BEGIN:VCARD\r\nFN:x\r\n folded\r\nbroken\r\nEND:VCARD', 'Line 4 is not a valid vCard property (NAME:value).'],
    ['BEGIN:VCARD\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCARD', 'Line 2 opens or closes something other than a vCard.'],
  ])('%j: %s', (raw, reason) => {
    expect(readCard(raw)).toEqual({ ok: false, reason });
    expect(checkCard(raw)).toEqual({ ok: false, reason });
  });

  it('accepts a vCard 2.1 AGENT card nested inside the card', () => {
    const raw = 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\nEND:VCARD';
    expect(checkCard(raw)).toMatchObject({ ok: true, fields: { fullName: 'Boss' } });
  });
});
