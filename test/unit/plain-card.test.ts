import { describe, expect, it } from 'vitest';
import { plainCardVersion } from '../../src/exporters/plain-card';
import { convertCard } from '../../src/exporters/vcard-convert';

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Zoë Martin', ...lines, 'END:VCARD', ''].join('\r\n');

describe('plain cards (copied as stored when already in the target version)', () => {
  it('are not plain when a parameter needs the vCard 2.1 rewrite, whatever its case or quotes', () => {
    for (const line of ['NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9', 'NOTE;encoding="quoted-printable":caf=C3=A9', 'NOTE;TYPE=home;CHARSET=UTF-8:café', 'NOTE;Encoding=8BIT:café']) {
      expect(plainCardVersion(card(line))).toBeNull();
    }
  });

  it('decodes a quoted-printable value in a card of the target version rather than copying it', () => {
    const exported = convertCard({ raw: card('NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9'), target: '3.0' });
    expect(exported.ok && exported.text).toContain('NOTE:café');
  });

  it('are plain when such words are only in a value or a quoted parameter value: the card is its served text', () => {
    for (const line of ['NOTE:see ;charset=latin1 and ;encoding=quoted-printable', 'X-LABEL;X-NOTE="a;charset=b":v', 'PHOTO;ENCODING=b;TYPE=JPEG:AAAA']) {
      const raw = card(line);
      expect(plainCardVersion(raw)).toBe('3.0');
      const exported = convertCard({ raw, target: '3.0' });
      expect(exported.ok && `${exported.text}\r\n`).toBe(raw);
    }
  });
});
