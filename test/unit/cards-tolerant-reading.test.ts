// Tolerant reading, exact keeping: cards the way real servers and phones write them give the
// list its name, emails and phones, and the card exported in its own version is still the
// served text. Display fields may degrade; the stored text never changes.
import { describe, expect, it } from 'vitest';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';
import { deriveCardFields } from '../../src/cards/derive-card-fields';
import { splitCard } from '../../src/cards/card-lines';
import { convertCard } from '../../src/exporters/vcard-convert';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Logical lines of a text, as the card code reads them. */
const logical = (text: string): string[] => splitCard(text).logical.map((l) => l.text);

function sameText(raw: string): void {
  const frozen = raw;
  const target = /VERSION:4/i.test(raw) ? '4.0' : '3.0';
  const out = convertCard({ raw, target });
  if (!out.ok) throw new Error(out.reason);
  // Nothing but VERSION (when missing) added; every served line kept as it was.
  expect(logical(out.text).filter((l) => !/^VERSION:/i.test(l))).toEqual(logical(raw).filter((l) => !/^VERSION:/i.test(l)));
  expect(raw).toBe(frozen);
}

describe('display fields from awkward cards', () => {
  it('grouped properties with Apple labels (item1.EMAIL, item1.X-ABLabel)', () => {
    const raw = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane\r\nitem1.EMAIL;type=INTERNET:jane@home.example\r\nitem1.X-ABLabel:_$!<Home>!$_\r\nITEM2.TEL:+1 555\r\nitem2.X-ABLabel:Boat\r\nEND:VCARD\r\n';
    expect(deriveCardFields(raw)).toMatchObject({ fullName: 'Jane', emails: ['jane@home.example'], phones: ['+1 555'] });
    sameText(raw);
  });

  it('no VERSION, bare LF line endings, a tab fold', () => {
    const raw = 'BEGIN:VCARD\nFN:Jo\n\than Smith\nEMAIL:j@example.com\nEND:VCARD\n';
    expect(deriveCardFields(raw)).toMatchObject({ fullName: 'Johan Smith', emails: ['j@example.com'] });
    sameText(raw);
  });

  it('a fold inside a multi-byte character, and one between characters', () => {
    const bytes = utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 😀\r\nEND:VCARD\r\n');
    const fn = bytes.indexOf(0x46); // "F"
    // Split 山 and 😀 each after their first octet; fold before "田" with a tab.
    const cut = [...bytes.subarray(0, fn + 4), 0x0d, 0x0a, 0x20, ...bytes.subarray(fn + 4, fn + 6), 0x0d, 0x0a, 0x09,
      ...bytes.subarray(fn + 6, fn + 11), 0x0d, 0x0a, 0x20, ...bytes.subarray(fn + 11)];
    const raw = decodeFoldedUtf8(new Uint8Array(cut));
    expect(deriveCardFields(raw).fullName).toBe('山田 😀');
    sameText(raw);
  });

  it('vCard 2.1 CHARSET and quoted-printable, soft line breaks included', () => {
    const raw = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=\r\n=FCrgen\r\nTEL;CELL;PREF:+49 171\r\nEND:VCARD\r\n';
    expect(deriveCardFields(raw)).toMatchObject({ fullName: 'Jürgen Müller', phones: ['+49 171'] });
    const out = convertCard({ raw, target: '3.0' });
    expect(out).toMatchObject({ ok: true, converted: true });
    if (out.ok) expect(out.text).toContain('\r\nN:Müller;Jürgen\r\n');
  });

  it('X- and vendor properties pass through and do not disturb the fields', () => {
    const raw = [
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Ann', 'X-EVOLUTION-FILE-AS:Ann, The', 'X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Annie;1;;;;;;;;;;;;;',
      'X-SOCIALPROFILE;type=twitter;x-user=ann:http://twitter.com/ann', 'X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns="http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards"/>',
      'END:VCARD', '',
    ].join('\r\n');
    expect(deriveCardFields(raw).fullName).toBe('Ann');
    const out = convertCard({ raw, target: '4.0' });
    if (!out.ok) throw new Error(out.reason);
    for (const line of ['X-EVOLUTION-FILE-AS:Ann, The', 'X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Annie;1;;;;;;;;;;;;;']) {
      expect(logical(out.text)).toContain(line);
    }
  });

  it('an escaped semicolon in FN is a semicolon (ical.js keeps the backslash)', () => {
    const raw = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Test\\, Escaping\\; Characters\r\nEND:VCARD\r\n';
    expect(deriveCardFields(raw).fullName).toBe('Test, Escaping; Characters');
  });

  it('a card ical.js cannot read still gets a name, and is exported as served', () => {
    const raw = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Broken Date\r\nBDAY:not a date at all\r\nREV:2019-10-08T17:05:14Z\r\nEND:VCARD\r\n';
    expect(deriveCardFields(raw).fullName).toBe('Broken Date');
    sameText(raw);
  });
});
