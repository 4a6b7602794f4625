// QuickXorHash against a known vector and against Microsoft's own description of the algorithm
// (https://learn.microsoft.com/en-us/onedrive/developer/code-snippets/quickxorhash), written out
// here the slow way, one 160-bit block per byte, as the page's pseudocode says; and the stream
// check that holds back a download's last bytes until the hash is known.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QuickXorHash } from '../../src/photos/quick-xor-hash';
import { checkQuickXor, QuickXorMismatchError } from '../../src/sources/onedrive/quick-xor-check';

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

const stream = (chunks: Uint8Array[]) => new ReadableStream<Uint8Array>({ start: (c) => (chunks.forEach((chunk) => c.enqueue(chunk)), c.close()) });

async function drain(body: ReadableStream<Uint8Array>): Promise<{ received: number; error: unknown }> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) received += r.value.byteLength;
    return { received, error: null };
  } catch (error) {
    return { received, error };
  }
}

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

describe('the QuickXorHash check of a download', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff);
  const chunks = [bytes.subarray(0, 400), bytes.subarray(400, 800), bytes.subarray(800)];
  const expected = new QuickXorHash().update(bytes).digestBase64();

  it('passes every byte of a file that matches', async () => {
    expect(await drain(checkQuickXor(stream(chunks), expected, 'a.jpg'))).toEqual({ received: 1000, error: null });
    expect(await drain(checkQuickXor(stream(chunks), expected.replace(/\+/g, '-').replace(/\//g, '_'), 'a.jpg'))).toEqual({ received: 1000, error: null });
  });

  it('ends a damaged one before its last bytes, so it never looks whole', async () => {
    const damaged = Uint8Array.from(bytes);
    damaged[500]! ^= 1;
    const result = await drain(checkQuickXor(stream([damaged.subarray(0, 400), damaged.subarray(400, 800), damaged.subarray(800)]), expected, 'a.jpg'));
    expect(result.received).toBe(800);
    expect(result.error).toBeInstanceOf(QuickXorMismatchError);
    expect((result.error as Error).message).toMatch(/^a\.jpg: the downloaded file does not match the QuickXorHash/);
  });
});
