// The fidelity issue's findings, each as served by a real server (Radicale stores what clients
// PUT; Cyrus and ical.js-based clients escape URI values as TEXT), each a test that fails on
// the code before the fix.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseContentLine, formatContentLine } from '../../src/cards/content-line';
import { convertCard } from '../../src/exporters/vcard-convert';
import { exportVcf } from '../../src/exporters/vcard-export';
import { decodeCaret, encodeCaret, paramValueText, readParamValues } from '../../src/shared/param-values';
import { inlineBinaries, judgeCard } from './vcard-compare-helpers';

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;
const card = (version: string, ...lines: string[]): string =>
  crlf(['BEGIN:VCARD', `VERSION:${version}`, 'FN:Test', ...lines, 'END:VCARD']);
const to3 = (raw: string): string => exportVcf([raw]).text;
const to4 = (raw: string): string => exportVcf([raw], { version: '4.0' }).text;

// 1×1 PNG and the start of a JPEG, as base64.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const JPEG = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/';

describe('data: URI photos in a 3.0 export', () => {
  it.each([
    ['as RFC 6350 writes it', `PHOTO:data:image/jpeg;base64,${JPEG}`],
    ['with VALUE=uri', `PHOTO;VALUE=uri:data:image/jpeg;base64,${JPEG}`],
    ['with the comma TEXT-escaped (ical.js)', `PHOTO:data:image/jpeg;base64\\,${JPEG}`],
    ['with ";" and "," TEXT-escaped', `PHOTO:data:image/jpeg\\;base64\\,${JPEG}`],
    ['with MEDIATYPE too', `PHOTO;MEDIATYPE=image/jpeg:data:image/jpeg;base64,${JPEG}`],
  ])('%s: ENCODING=b, TYPE=JPEG, the same bytes', (_name, line) => {
    const out = to3(card('4.0', line));
    expect(out).toContain(`\r\nPHOTO;ENCODING=b;TYPE=JPEG:${JPEG.slice(0, 20)}`);
    expect(out).not.toMatch(/VALUE=uri|data:|\\;base64/);
    expect(inlineBinaries(out)).toEqual([{ name: 'photo', hex: Buffer.from(JPEG, 'base64').toString('hex') }]);
  });

  it('a PNG is encoded once, not twice', () => {
    const out = to3(card('4.0', `PHOTO:data:image/png;base64\\,${PNG}`));
    expect(inlineBinaries(out)).toEqual([{ name: 'photo', hex: Buffer.from(PNG, 'base64').toString('hex') }]);
    expect(out).toContain(';TYPE=PNG:iVBORw0KGgo');
  });

  it('a data: URI that is not base64 (RFC 2397 percent-encoding) gives its bytes', () => {
    const out = to3(card('4.0', 'KEY:data:text/plain,key%20text%E2%9C%93'));
    expect(inlineBinaries(out)).toEqual([{ name: 'key', hex: Buffer.from('key text✓').toString('hex') }]);
  });

  it('a media type with no short 3.0 name, or none at all, comes back the same', () => {
    const odd = card('4.0', `LOGO:data:application/octet-stream;base64,${PNG}`, `SOUND:data:audio/ogg;base64,${PNG}`, `KEY:data:application/pgp-keys;base64,${PNG}`);
    const v3 = to3(odd);
    expect(v3).toContain(`\r\nLOGO;ENCODING=b:${PNG.slice(0, 10)}`);
    expect(v3).toContain(`\r\nSOUND;ENCODING=b;TYPE=OGG:`);
    expect(v3).toContain(`\r\nKEY;ENCODING=b;TYPE=PGP:`);
    expect(to4(v3)).toBe(to4(odd));
  });
});

describe('TEL', () => {
  it('a 4.0 tel: URI with ;ext= gains no backslash in 3.0 and is the same URI back in 4.0', () => {
    const v4 = card('4.0', 'TEL;VALUE=uri;TYPE=work:tel:+1-555-555-5555;ext=5555;phone-context=example.com');
    const v3 = to3(v4);
    expect(v3.replace(/\r\n /g, '')).toContain('\r\nTEL;TYPE=work;X-TEL-URI="tel:+1-555-555-5555;ext=5555;phone-context=example.com":+1-555-555-5555 ext. 5555\r\n');
    expect(v3).not.toContain('\\;');
    expect(judgeCard(to4(v3))).toEqual(judgeCard(v4));
  });

  it('a tel: URI served TEXT-escaped (Radicale, Cyrus: "tel:+1-555\\;ext=5") is read unescaped, and kept as served', () => {
    const v4 = card('4.0', 'TEL;VALUE=uri;TYPE=work:tel:+1-418-656-9254\\;ext=102');
    const v3 = to3(v4);
    expect(v3.replace(/\r\n /g, '')).toContain(':+1-418-656-9254 ext. 102\r\n');
    expect(judgeCard(to4(v3))).toEqual(judgeCard(v4));
  });

  it('a 2.1 TEL keeps its pause commas and ";ext=" as served', () => {
    const out = to3(crlf(['BEGIN:VCARD', 'VERSION:2.1', 'N:A;B', 'TEL;WORK:+1 555 0100,,12;ext=3', 'END:VCARD']));
    expect(out).toContain('\r\nTEL;TYPE=WORK:+1 555 0100,,12;ext=3\r\n');
  });

  it('a number edited after a 3.0 export is not replaced by the old URI', () => {
    const out = to4(card('3.0', 'TEL;X-TEL-URI="tel:+1-555":+1 666'));
    expect(out).toContain('\r\nTEL;X-TEL-URI="tel:+1-555":+1 666\r\n');
  });
});

describe('vCard 2.1 text in 3.0', () => {
  it('a LABEL with "\\n" or quoted-printable line breaks has newlines, not a backslash-n', () => {
    const v21 = crlf([
      'BEGIN:VCARD', 'VERSION:2.1', 'N:A;B',
      'LABEL;HOME:1 Main St\\nSpringfield',
      'LABEL;WORK;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Stra=C3=9Fe 1=0D=0A=',
      'Berlin',
      'END:VCARD',
    ]);
    const labels = new ICAL.Component(ICAL.parse(to3(v21)) as unknown[]).getAllProperties('label').map((p) => p.getFirstValue());
    expect(labels).toEqual(['1 Main St\nSpringfield', 'Straße 1\nBerlin']);
  });

  it('quoted-printable split inside a UTF-8 character and across a soft line break decodes exactly', () => {
    const v21 = crlf(['BEGIN:VCARD', 'VERSION:2.1', 'N:A;B', 'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=F0=9F=98=', '=80 and =E5=B1=B1', 'END:VCARD']);
    expect(to3(v21)).toContain('\r\nNOTE:😀 and 山\r\n');
  });

  it('a URI value (VALUE=URL) is not TEXT: its commas are not escaped', () => {
    const v21 = crlf(['BEGIN:VCARD', 'VERSION:2.1', 'N:A;B', 'X-SOCIAL;VALUE=URL:https://example.com/a,b', 'END:VCARD']);
    expect(to3(v21)).toContain('\r\nX-SOCIAL;VALUE=uri:https://example.com/a,b\r\n');
  });

  it('raw emoji inside a quoted-printable value stay whole', () => {
    const v21 = crlf(['BEGIN:VCARD', 'VERSION:2.1', 'N:A;B', 'NOTE;ENCODING=QUOTED-PRINTABLE:😀=20👨‍👩‍👧', 'END:VCARD']);
    expect(to3(v21)).toContain('\r\nNOTE:😀 👨‍👩‍👧\r\n');
  });
});

describe('RFC 6868 parameter values', () => {
  it('reads ^n, ^^ and ^\' as newline, caret and quote; any other caret as itself', () => {
    const line = 'X;A="a^nb^^c^\'d^x":v';
    expect(readParamValues(line, line.indexOf('='))?.values).toEqual(['a\nb^c"d^x']);
    expect(decodeCaret('^^n')).toBe('^n');
    expect(encodeCaret('a\r\nb^"')).toBe("a^nb^^^'");
  });

  it('writes a quote as ^\' and never as an apostrophe, quoting what needs quotes', () => {
    expect(paramValueText('say "hi"')).toBe("say ^'hi^'");
    expect(paramValueText('a;b,c:"d"')).toBe('"a;b,c:^\'d^\'"');
    const parsed = parseContentLine('EMAIL;X-NOTE="He said ^\'hi^\', then: ok";PREF=1:a@b.example');
    if (parsed === null) throw new Error('unparsed');
    expect(formatContentLine(parsed)).toBe('EMAIL;X-NOTE="He said ^\'hi^\', then: ok";PREF=1:a@b.example');
  });

  it('a converted line keeps a parameter value with a quote, a newline and a caret', () => {
    const v4 = card('4.0', 'ADR;TYPE=home;LABEL="Flat ^\'B^\'^n1^^2 Main St":;;1 Main St;Town;;;', 'EMAIL;X-A="q^\'uote";PREF=1:a@b.example');
    const v3 = to3(v4);
    expect(v3).not.toMatch(/[^^]'/); // every quote written as ^', none turned into an apostrophe
    const c = new ICAL.Component(ICAL.parse(v3) as unknown[]);
    expect(c.getFirstProperty('adr')?.getParameter('label')).toBe('Flat "B"\n1^2 Main St');
    expect(c.getFirstPropertyValue('label')).toBe('Flat "B"\n1^2 Main St');
    expect(c.getFirstProperty('email')?.getParameter('x-a')).toBe('q"uote');
    expect(judgeCard(to4(v3))).toEqual(judgeCard(v4));
  });
});

describe('what the export reports', () => {
  it('counts converted cards and the properties kept under an x-name', () => {
    const v4 = card('4.0', 'GENDER:F', 'GENDER:M', 'KIND:individual');
    const v3 = card('3.0', 'CLASS:PUBLIC', 'MAILER:PigeonMail');
    const result = exportVcf([v4, v3, card('3.0', 'NOTE:same')], { version: '3.0' });
    expect(result).toMatchObject({ count: 3, converted: 1, keptAsExtension: { GENDER: 2, KIND: 1 } });
    expect(exportVcf([v4, v3], { version: '4.0' })).toMatchObject({ converted: 1, keptAsExtension: { CLASS: 1, MAILER: 1 } });
    const one = convertCard({ raw: v4, target: '3.0' });
    expect(one).toMatchObject({ ok: true, converted: true, keptAsExtension: ['GENDER', 'GENDER', 'KIND'] });
  });

  it('a card that already has an x-name the way back would rename keeps it', () => {
    const v3 = card('3.0', 'X-CLASS:kept', 'CLASS:PUBLIC', 'X-GENDER:F');
    const v4 = to4(v3);
    expect(v4).toContain('\r\nX-X-CLASS:kept\r\nX-CLASS:PUBLIC\r\nGENDER:F\r\n');
    expect(to3(v4)).toBe(v3);
  });
});
