import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contactDetails } from '../../src/options/browse/contact-details';

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

describe('contactDetails', () => {
  it('shows each property unescaped, structured values joined', () => {
    const details = contactDetails(card('FN:Ann O\\, Smith', 'ORG:Acme;Research', 'ADR;TYPE=HOME:;;1 Main St;Springfield;;12345;', 'NOTE:two\\nlines', 'EMAIL:ann@example.org'));
    expect(details.rows).toEqual([
      { label: 'cardName', value: 'Ann O, Smith' },
      { label: 'cardOrganization', value: 'Acme, Research' },
      { label: 'cardAddress', value: '1 Main St, Springfield, 12345' },
      { label: 'cardNote', value: 'two\nlines' },
      { label: 'cardEmail', value: 'ann@example.org' },
    ]);
    expect(details.photo).toBeNull();
  });

  it('takes a photo carried in the card, as base64 (3.0) or a data: URI (4.0)', () => {
    expect(contactDetails(card('FN:A', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ')).photo).toEqual({ mediaType: 'image/jpeg', base64: '/9j/4AAQ' });
    expect(contactDetails(card('FN:A', 'PHOTO:data:image/png;base64,iVBORw0K')).photo).toEqual({ mediaType: 'image/png', base64: 'iVBORw0K' });
    const fixture = contactDetails(readFileSync('test/fixtures/vcard/big-photo.vcf', 'utf8'));
    expect(fixture.photo?.mediaType).toMatch(/^image\//);
  });

  it('never takes a photo the card only links to', () => {
    const details = contactDetails(card('FN:A', 'PHOTO;VALUE=uri:https://beacon.example/pixel.gif?id=42'));
    expect(details.photo).toBeNull();
    expect(details.remotePhoto).toBe(true);
    expect(JSON.stringify(details)).not.toContain('beacon.example');
  });
});
