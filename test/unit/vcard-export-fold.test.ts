import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/exporters/file-names';
import { fitsOneLine, foldLine, mayHaveLongLine } from '../../src/shared/fold-line';

const octets = (s: string): number => new TextEncoder().encode(s).length;
const unfold = (s: string): string => s.replace(/\r\n[ \t]/g, '');

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('puts at most 74 octets after the space of a continuation line', () => {
    const lines = foldLine('x'.repeat(300)).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 75, 75, 4]); // 75 + 3 × 74 + 3 = 300
  });

  it.each([
    ['Japanese', `FN:${'山田太郎'.repeat(20)}`],
    ['emoji (surrogate pairs)', `FN:${'😀👨‍👩‍👧‍👦🎌'.repeat(15)}`],
    ['accents', `NOTE:${'Müller café naïve '.repeat(10)}`],
  ])('never splits a %s character and unfolds to the same text', (_name, line) => {
    const folded = foldLine(line);
    expect(unfold(folded)).toBe(line);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const l of folded.split('\r\n')) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // Each line alone is valid UTF-8: no character was cut in two.
      expect(() => strict.decode(new TextEncoder().encode(l))).not.toThrow();
      expect(l).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
  });

  it('counts a lone surrogate as the 3 octets of the U+FFFD it will be written as', () => {
    const line = `FN:${'\uD800'.repeat(30)}`;
    for (const l of foldLine(line).split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
  });
});

describe('fitsOneLine and mayHaveLongLine', () => {
  it('agree with the UTF-8 length', () => {
    for (const s of ['', 'a'.repeat(75), 'a'.repeat(76), 'é'.repeat(37), 'é'.repeat(38), '太'.repeat(25), '太'.repeat(26)]) {
      expect(fitsOneLine(s)).toBe(octets(s) <= 75);
      if (octets(s) > 75) expect(mayHaveLongLine(`A:1\r\n${s}\r\nB:2`)).toBe(true);
    }
    expect(mayHaveLongLine(`A:${'x'.repeat(73)}\r\nB:${'y'.repeat(73)}`)).toBe(false);
  });

  it('finds the one long line among short ones, whatever the line endings and where the non-ASCII lines are', () => {
    const short = ['a'.repeat(75), 'é'.repeat(37), '太'.repeat(25), `${'x'.repeat(60)}é`, 'PHOTO:abc', ''];
    const long = ['a'.repeat(76), 'é'.repeat(38), '太'.repeat(26), `${'x'.repeat(74)}é`, `é${'x'.repeat(74)}`];
    for (const ending of ['\r\n', '\n']) {
      for (const fits of short) {
        const lines = [...short, fits, ...short];
        expect(mayHaveLongLine(lines.join(ending))).toBe(false);
        for (const over of long) {
          for (let at = 0; at <= lines.length; at++) {
            expect(mayHaveLongLine([...lines.slice(0, at), over, ...lines.slice(at)].join(ending))).toBe(true);
          }
        }
      }
    }
  });
});

describe('exportFileName', () => {
  it('uses the local date, zero-padded, and the extension with or without its dot', () => {
    // Built from local fields, so the test holds in every time zone: 23:30 local stays the 23rd.
    expect(exportFileName('contacts', new Date(2026, 10, 23, 23, 30), 'vcf')).toBe('lifeboat-contacts-2026-11-23.vcf');
    expect(exportFileName('calendars', new Date(2027, 0, 5, 0, 5), '.ics')).toBe('lifeboat-calendars-2027-01-05.ics');
  });
});
