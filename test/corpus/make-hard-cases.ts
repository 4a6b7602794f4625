// Writes test/corpus/hard-cases/: items made to hold, each, one thing converters and servers are
// known to get wrong. Kept as files (committed) so the corpus test reads them like any other
// source; run again after editing:  npx tsx test/corpus/make-hard-cases.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeJpeg } from '../harness/sample-photo';

const OUT = join(import.meta.dirname, 'hard-cases');
const JPEG = Buffer.from(makeJpeg({ bytes: 2400, seed: 7 })).toString('base64');
// A real 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** RFC 6350 §3.2 folding at 75 octets, never inside a UTF-8 character. */
function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += ch;
    octets += size;
  }
  return out;
}

/** Folds at exact octet offsets, even inside a UTF-8 character (what some servers do). */
function foldBytesAt(line: string, width: number): Buffer {
  const bytes = Buffer.from(line, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += width) parts.push(Buffer.concat([Buffer.from(i === 0 ? '' : '\r\n '), bytes.subarray(i, i + width)]));
  return Buffer.concat(parts);
}

/** Lines as bytes, CRLF after each: a Buffer line is written as it is. */
const bytesOf = (lines: Array<string | Buffer>): Buffer =>
  Buffer.concat(lines.flatMap((l) => [typeof l === 'string' ? Buffer.from(l, 'utf8') : l, Buffer.from('\r\n')]));

const card = (lines: string[]): string => `${lines.map(fold).join('\r\n')}\r\n`;
const calendar = (lines: string[]): string =>
  `${['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Corpus hard cases//EN', ...lines, 'END:VCALENDAR'].map(fold).join('\r\n')}\r\n`;
const event = (uid: string, lines: string[]): string[] => [
  'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250301T090000Z', 'DTSTART:20250301T100000Z', 'DTEND:20250301T110000Z', ...lines, 'END:VEVENT',
];

const files: Record<string, string | Buffer> = {
  'photo-4-jpeg-data-uri.vcf': card(['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:hard-photo-jpeg', 'FN:Photo Jpeg', 'N:Jpeg;Photo;;;', `PHOTO:data:image/jpeg;base64,${JPEG}`, 'END:VCARD']),
  'photo-4-png-data-uri.vcf': card(['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:hard-photo-png', 'FN:Photo Png', 'N:Png;Photo;;;', `PHOTO:data:image/png;base64,${PNG}`, 'END:VCARD']),
  'photo-3-encoding-b.vcf': card(['BEGIN:VCARD', 'VERSION:3.0', 'UID:hard-photo-3', 'FN:Photo Three', 'N:Three;Photo;;;', `PHOTO;ENCODING=b;TYPE=JPEG:${JPEG}`, 'END:VCARD']),
  'tel-uri-ext.vcf': card(['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:hard-tel-uri', 'FN:Tel Uri', 'N:Uri;Tel;;;', 'TEL;VALUE=uri;TYPE="voice,work";PREF=1:tel:+1-555-555-5555;ext=5555', 'TEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0958', 'END:VCARD']),
  'grouped-ablabel.vcf': card(['BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//iPhone OS 17.0//EN', 'UID:hard-grouped', 'FN:Grouped Labels', 'N:Labels;Grouped;;;',
    'item1.EMAIL;type=INTERNET;type=pref:grouped@example.org', 'item1.X-ABLabel:_$!<Other>!$_', 'item2.TEL:+33 1 23 45 67 89', 'item2.X-ABLabel:Bureau à Paris',
    'item3.ADR;type=HOME:;;1 Rue de la Paix;Paris;;75002;France', 'item3.X-ABADR:fr', 'END:VCARD']),
  'vcard21-quoted-printable.vcf': ['BEGIN:VCARD', 'VERSION:2.1', 'UID:hard-qp-21', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;Dr.;',
    'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dr. J=C3=BCrgen M=C3=BCller', 'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zeile eins=0D=0AZeile zwei mit =C3=A4=C3=B6=C3=BC und einem sehr langen Te=',
    'xt, der weich umbrochen ist', 'TEL;CELL;PREF:+49 170 1234567', 'END:VCARD', ''].join('\r\n'),
  'rfc6868-carets.vcf': card(['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:hard-carets', 'FN:Caret Params', 'N:Params;Caret;;;',
    'ADR;LABEL="Flat 3^nBuilding ^\'A^\'^^2":;;Street 1;Town;;12345;Country', 'END:VCARD']),
  'emoji-and-multibyte-folds.vcf': bytesOf(['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:hard-emoji', 'FN:Emoji 😀 Folds',
    foldBytesAt('NOTE:日本語のメモ 🎌 とても長い行が途中で折り返されます。絵文字🎉👨‍👩‍👧‍👦も含みます。', 20), 'N:Folds;Emoji;;;', 'END:VCARD']),
  'rrule-escaped-semicolon.ics': calendar(event('hard-rrule-escaped@lifeboat.test', ['SUMMARY:Rule text FREQ=WEEKLY\\;BYDAY=MO in a summary', 'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5',
    'DESCRIPTION:Semicolons\\; commas\\, and a backslash \\\\ escaped'])),
  'week-end-fold.ics': ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Corpus hard cases//EN', 'BEGIN:VEVENT', 'UID:hard-weekend-fold@lifeboat.test',
    'DTSTAMP:20250301T090000Z', 'DTSTART;VALUE=DATE:20250301', 'RRULE:FREQ=WEEKLY;BYDAY=SA,SU', 'SUMMARY:Every week', ' end: the cottage', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
  'multibyte-fold-event.ics': bytesOf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Corpus hard cases//EN', 'BEGIN:VEVENT', 'UID:hard-multibyte-fold@lifeboat.test',
    'DTSTAMP:20250301T090000Z', 'DTSTART:20250301T100000Z', foldBytesAt('SUMMARY:Réunion à Zürich — café ☕ et 🥐 pour l’équipe', 10), 'END:VEVENT', 'END:VCALENDAR']),
  'rfc6868-carets-event.ics': calendar(event('hard-carets@lifeboat.test', ['SUMMARY:Caret parameters', 'ATTENDEE;CN="George Herman ^\'Babe^\' Ruth";ROLE=REQ-PARTICIPANT:mailto:babe@example.org',
    'LOCATION;X-ADDRESS="Line 1^nLine 2":Stadium'])),
  'emoji-event.ics': calendar(event('hard-emoji@lifeboat.test', ['SUMMARY:🎂 Birthday party 🎉', 'DESCRIPTION:Bring 🍰 and 🎁 — 誕生日おめでとう'])),
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(OUT, name), typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
}
console.log(`wrote ${Object.keys(files).length} files to ${OUT}`);
