// Names in an archive come from servers and people: whatever they hold, the name written is
// one every file system accepts and shows as it is, and no two files get the same path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArchivePaths, MAX_NAME_BYTES, pathKey, safeName } from '../../src/archive/archive-paths';

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
// eslint-disable-next-line no-control-regex -- finding control characters is the check
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
const utf8 = (text: string) => new TextEncoder().encode(text).length;
const wellFormed = (text: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

// Strings rich in what matters: reserved names, dots, spaces, controls, bidi, astral characters.
const piece = fc.oneof(
  fc.constantFrom('CON', 'prn', 'Aux', 'nul', 'COM1', 'lpt9', '.', ' ', '..', '\u202e', '\u2066', '\u200f', '\u061c', '\u0085', '\u0000', '\u001b', ':', '/', '\\', '*', '😀', '\ud83d', 'é', 'e\u0301', '.vcf'),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);
const name = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('safeName', () => {
  it('is never empty, has nothing unsafe, no reserved stem, no trailing dot or space, and fits in 200 UTF-8 bytes', () => {
    fc.assert(
      fc.property(name, (raw) => {
        const safe = safeName(raw);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(UNSAFE);
        expect(safe).not.toMatch(/[. ]$/);
        expect(RESERVED.test(safe.split('.')[0]!.trimEnd())).toBe(false);
        expect(utf8(safe)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(wellFormed(safe)).toBe(true);
        expect(safeName(safe)).toBe(safe);
      }),
    );
  });

  it('keeps a plain name as it is, and the extension of a long one', () => {
    expect(safeName('Alice - Friends')).toBe('Alice - Friends');
    expect(safeName('CON')).toBe('CON_');
    expect(safeName('lpt1.tar.gz')).toBe('lpt1_.tar.gz');
    expect(safeName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    expect(safeName(' . .')).toBe('unnamed');
    const long = safeName(`${'😀'.repeat(120)}.jpeg`);
    expect(long.endsWith('.jpeg')).toBe(true);
    expect(utf8(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(wellFormed(long)).toBe(true);
  });
});

describe('ArchivePaths', () => {
  it('never hands out the same path twice, whatever the names collide to', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, name), { maxLength: 30 }), (pairs) => {
        const paths = new ArchivePaths();
        const given = pairs.map(([account, collection]) => paths.pathFor('contacts', 'live', account, collection));
        expect(new Set(given.map(pathKey)).size).toBe(given.length);
        for (const path of given) expect(path).toMatch(/^contacts\/[^/]+\.vcf$/);
      }),
    );
  });
});
