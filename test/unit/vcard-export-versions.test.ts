// Version conversions: what a 4.0 or 2.1 card becomes in a 3.0 file, and a 3.0 card in a 4.0
// file. The expected lines are the tables in vcard4-to-3.ts, vcard3-to-4.ts and legacy-vcard.ts.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { exportVcf } from '../../src/exporters/vcard-export';
import { loadFixtures } from './vcard-export-helpers';

const fixtures = loadFixtures();
const byName = (name: string): string => fixtures.find((f) => f.name === name)?.raw ?? '';
const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

describe('vCard 4.0 input in a 3.0 export', () => {
  const v4 = crlf([
    'BEGIN:VCARD',
    'VERSION:4.0',
    'KIND:group',
    'FN:Team',
    'MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af',
    'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+1-555-555-5555;ext=5555',
    'TEL;VALUE=uri:tel:+44%2020%207946%200000',
    'EMAIL;PREF=2:second@example.com',
    'PHOTO:data:image/jpeg;base64,/9j/4AAQ',
    'LOGO;MEDIATYPE=image/png:https://example.com/logo.png',
    'GENDER:F',
    'ANNIVERSARY:20090808',
    'BDAY:--0415',
    'GEO:geo:37.386013,-122.082932',
    'ADR;TYPE=work;LABEL="1 Main St^nSpringfield":;;1 Main St;Springfield;;;',
    'item1.X-ABLabel:kept',
    'X-CUSTOM:kept as is',
    'END:VCARD',
  ]);

  it('maps each 4.0-only form to its 3.0 counterpart, as vcard4-to-3.ts lists', () => {
    expect(exportVcf([v4]).text).toBe(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'X-ADDRESSBOOKSERVER-KIND:group',
        'FN:Team',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af',
        // The plain number for 3.0 readers; the URI kept aside for the way back to 4.0.
        'TEL;TYPE=voice,cell,pref;X-TEL-URI="tel:+1-555-555-5555;ext=5555":+1-555-55',
        ' 5-5555 ext. 5555',
        'TEL;X-TEL-URI="tel:+44%2020%207946%200000":+44 20 7946 0000',
        'EMAIL;PREF=2:second@example.com',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ',
        'LOGO;MEDIATYPE=image/png;VALUE=uri:https://example.com/logo.png',
        'X-GENDER:F',
        'X-ANNIVERSARY:2009-08-08',
        'BDAY:--04-15',
        'GEO:37.386013;-122.082932',
        'ADR;TYPE=work;LABEL=1 Main St^nSpringfield:;;1 Main St;Springfield;;;',
        'LABEL;TYPE=work:1 Main St\\nSpringfield',
        'item1.X-ABLabel:kept',
        'X-CUSTOM:kept as is',
        'END:VCARD',
      ]),
    );
  });

  it('gives ical.js the same values, read as 3.0', () => {
    const card = new ICAL.Component(ICAL.parse(exportVcf([v4]).text) as unknown[]);
    expect(card.getFirstPropertyValue('tel')).toBe('+1-555-555-5555 ext. 5555');
    expect(card.getFirstProperty('photo')?.getParameter('encoding')).toBe('b');
    const photo = card.getFirstPropertyValue('photo');
    expect(photo instanceof ICAL.Binary ? photo.value : photo).toBe('/9j/4AAQ');
  });

  it('stays 4.0, byte for byte, in a 4.0 export', () => {
    expect(exportVcf([v4], { version: '4.0' }).text).toBe(v4);
  });
});

describe('vCard 3.0 input in a 4.0 export', () => {
  it('maps each 3.0-only form to its 4.0 counterpart, as vcard3-to-4.ts lists', () => {
    const v3 = crlf([
      'BEGIN:VCARD',
      'FN:Johnny',
      'VERSION:3.0',
      'item1.EMAIL;type=INTERNET;type=pref:j@example.com',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ',
      'BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15',
      'GEO:37.386013;-122.082932',
      'X-ADDRESSBOOKSERVER-KIND:group',
      'LABEL;TYPE=HOME:1 Main St',
      'CLASS:PUBLIC',
      'END:VCARD',
    ]);
    const out = exportVcf([v3], { version: '4.0' }).text;
    expect(out).toBe(
      crlf([
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Johnny',
        'item1.EMAIL;type=INTERNET;PREF=1:j@example.com',
        'PHOTO:data:image/jpeg;base64,/9j/4AAQ',
        'BDAY;X-APPLE-OMIT-YEAR=1604:--0415',
        'GEO:geo:37.386013,-122.082932',
        'KIND:group',
        'X-LABEL;TYPE=HOME:1 Main St',
        'X-CLASS:PUBLIC',
        'END:VCARD',
      ]),
    );
    // VERSION right after BEGIN is what makes ical.js (and RFC 6350 §6.7.9) read it as 4.0.
    const card = new ICAL.Component(ICAL.parse(out) as unknown[]);
    expect(card.getFirstProperty('photo')?.type).toBe('uri');
    expect(card.getFirstPropertyValue('kind')).toBe('group');
  });
});

describe('vCard 2.1 input', () => {
  it('becomes 3.0: bare parameters named, quoted-printable decoded, CHARSET applied', () => {
    const out = exportVcf([byName('v21-outlook')]).text;
    expect(out).toContain('\r\nVERSION:3.0\r\n');
    expect(out).toContain('\r\nFN:Dr. Jürgen Müller\r\n');
    expect(out).toContain('\r\nTEL;TYPE=WORK,VOICE:+49 30 1234567\r\n');
    expect(out).toContain('\r\nADR;TYPE=WORK:;;Hauptstraße 1\\nHinterhaus;Berlin;;10115;Deutschland\r\n');
    expect(out).toContain('\r\nORG:Müller\\, Schmidt & Partner;Vertrieb\r\n');
    expect(out).toContain('\r\nURL;TYPE=WORK:http://example.de/a,b\r\n');
    expect(out).toMatch(/\r\nPHOTO;TYPE=JPEG;ENCODING=b:\/9j\/4[A-Za-z0-9+/]+\r\n /);
    expect(out).not.toMatch(/QUOTED-PRINTABLE|CHARSET|BASE64/i);
    const note = new ICAL.Component(ICAL.parse(out) as unknown[]).getFirstPropertyValue('note');
    expect(note).toBe(
      'Met at the fair, 2019. A long note that was written by Outlook with soft line breaks\r\nand a second line.'.replace('\r\n', '\n'),
    );
  });

  it('decodes quoted-printable in the CHARSET it names', () => {
    const card = crlf(['BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9e', 'END:VCARD']);
    expect(exportVcf([card]).text).toContain('\r\nFN:Renée\r\n');
  });
});
