// QuickXorHash against a known vector and against Microsoft's own description of the algorithm
// (https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash), written out
// here the slow way, one 160-bit block per byte, as the page's pseudocode says; and the same
// value from the engine's StreamHasher, whether it sees the file in one piece or piece by piece.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QuickXorHash } from '../../src/photos/quick-xor-hash';
import { StreamHasher } from '../../src/photos/stream-hasher';

/** The page's XorHash(rgb): xor(extend64(length), reverse(XOR of rotate(extend8(b[i]), i*11))). */
function referenceHash(bytes: Uint8Array): string {
  const width = 160n;
  const mask = (1n << width) - 1n;
  let block = 0n;
  bytes.forEach((byte, i) => {
    const n = BigInt((i * 11) % 160);
    const value = BigInt(byte);
    block ^= ((value << n) | (value >> (width - n))) & mask;
  });
  // The block as 20 little-endian bytes ("reverse" turns the big number's bytes around), and
  // the length XORed into the last 8 of them.
  const out = Array.from({ length: 20 }, (_, i) => Number((block >> BigInt(8 * i)) & 0xffn));
  let length = BigInt(bytes.length);
  for (let i = 12; i < 20; i++, length >>= 8n) out[i]! ^= Number(length & 0xffn);
  return btoa(String.fromCharCode(...out));
}

const hexOf = (base64: string) => Buffer.from(base64, 'base64').toString('hex');

describe('QuickXorHash', () => {
  it('gives the published value for "hello world"', () => {
    // The value the quickxorhash libraries document (docs.rs/quickxorhash, pypi.org/project/quickxorhash) and rclone computes.
    expect(new QuickXorHash().update(new TextEncoder().encode('hello world')).digestBase64()).toBe('aCgDG9jwBhDc4Q1yawMZAAAAAAA=');
    expect(new QuickXorHash().digestBase64()).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  });

  it('agrees with the pseudocode on any bytes, however they are cut into chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.integer({ min: 1, max: 64 }), (bytes, cut) => {
        const hash = new QuickXorHash();
        for (let i = 0; i < bytes.length; i += cut) hash.update(bytes.subarray(i, i + cut));
        expect(hash.digestBase64()).toBe(referenceHash(bytes));
      }),
    );
  });
});

describe('QuickXorHash in the StreamHasher', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);

  it('gives the published value, in lower-case hex, from a file seen whole', async () => {
    const hello = new StreamHasher(['quickxor']);
    expect(hello.untouched).toBe(true);
    expect((await hello.finish([new TextEncoder().encode('hello world')])).quickxor).toBe('6828031bd8f00610dce10d726b03190000000000');
    const digests = await new StreamHasher(['quickxor']).finish([bytes.subarray(0, 333), bytes.subarray(333)]);
    expect(digests.quickxor).toBe(hexOf(new QuickXorHash().update(bytes).digestBase64()));
  });

  it('gives the same value when the bytes before the last ones are fed at odd offsets', async () => {
    const whole = await new StreamHasher(['quickxor']).finish([bytes]);
    const hasher = new StreamHasher(['quickxor']);
    for (const [from, to] of [[0, 1], [1, 8], [8, 8], [8, 333], [333, 997]] as const) hasher.update(bytes.subarray(from, to));
    expect(hasher.untouched).toBe(false);
    expect(await hasher.finish([bytes.subarray(997)])).toEqual(whole);
  });

  it('gives the same value fed piece by piece anywhere, as a resumed download is', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 700 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), async (file, cuts) => {
        // The stored parts go through update(), the rest of the body through finish().
        const at = [...new Set(cuts.map((cut) => cut % (file.length + 1)))].sort((a, b) => a - b);
        const hasher = new StreamHasher(['quickxor', 'sha-1']);
        let from = 0;
        for (const to of at) {
          hasher.update(file.subarray(from, to));
          from = to;
        }
        expect(hasher.untouched).toBe(false);
        const digests = await hasher.finish([file.subarray(from, from + 3), file.subarray(from + 3)]);
        expect(digests.quickxor).toBe(hexOf(referenceHash(file)));
        expect(digests).toEqual(await new StreamHasher(['quickxor', 'sha-1']).finish([file]));
      }),
    );
  });
});
