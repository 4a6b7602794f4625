// The bytes of a download, however they arrive in chunks and however often the body breaks,
// come out as the same file with the same digests as hashing it in one go; a file that fits in
// one part never touches the parts table.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import { FileReceiver } from '../../src/photos/file-receiver';
import { readParts } from '../../src/db/photos/photo-parts';
import { hashBlob } from '../../src/photos/hash-blob';
import { asBlob } from '../../src/db/photos/stored-bytes';
import { QuickXorHash } from '../../src/photos/quick-xor-hash';
import type { DigestAlgorithm } from '../../src/photos/stream-hasher';

// Node's hashes, and for QuickXorHash the class itself, checked on its own in quick-xor-hash.test.ts.
const NODE_NAMES: Record<Exclude<DigestAlgorithm, 'quickxor'>, string> = { 'sha-256': 'sha256', 'sha-1': 'sha1', md5: 'md5' };
const reference = (bytes: Uint8Array, algorithm: DigestAlgorithm) =>
  algorithm === 'quickxor' ? Buffer.from(new QuickXorHash().update(bytes).digest()).toString('hex') : createHash(NODE_NAMES[algorithm]).update(bytes).digest('hex');

function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** A body that breaks after `count` chunks, as a dropped connection does. */
function brokenBody(chunks: Uint8Array[], count: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === count) controller.error(new Error('connection reset'));
      else controller.enqueue(chunks[sent++]);
    },
  });
}

const chunkLists = fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 12 });
const algorithmSets = fc.subarray<DigestAlgorithm>(['sha-1', 'md5', 'quickxor']);

describe('FileReceiver', () => {
  it('keeps every byte and hashes it right, whatever the chunks and part size', async () => {
    await fc.assert(
      fc.asyncProperty(chunkLists, algorithmSets, fc.integer({ min: 1, max: 1000 }), async (chunks, also, partBytes) => {
        const db = freshDb();
        const receiver = await FileReceiver.open(db, 'p', 'e', [], also, partBytes);
        await body(chunks).pipeTo(receiver.sink);
        const { data, digests } = await receiver.finish('image/jpeg');
        const whole = new Uint8Array(Buffer.concat(chunks));
        expect(new Uint8Array(await asBlob(data).arrayBuffer())).toEqual(whole);
        // Held in memory while it fits in one part; a Blob of the stored parts beyond.
        if (whole.length < partBytes) expect(data).toBeInstanceOf(Uint8Array);
        else expect((data as Blob).type).toBe('image/jpeg');
        for (const algorithm of ['sha-256', ...also] as DigestAlgorithm[]) expect(digests[algorithm]).toBe(reference(whole, algorithm));
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('continues a broken body from the parts it stored', async () => {
    await fc.assert(
      fc.asyncProperty(chunkLists, fc.nat(), fc.integer({ min: 1, max: 500 }), async (chunks, cut, partBytes) => {
        const db = freshDb();
        const breakAfter = cut % chunks.length;
        const first = await FileReceiver.open(db, 'p', 'e', [], [], partBytes);
        await expect(brokenBody(chunks, breakAfter).pipeTo(first.sink)).rejects.toThrow('connection reset');
        const stored = await readParts(db, 'p');
        const offset = stored.reduce((sum, part) => sum + part.data.size, 0);
        const whole = new Uint8Array(Buffer.concat(chunks));
        expect(offset).toBe(Buffer.concat(chunks.slice(0, breakAfter)).length);
        // The resume asks for the rest from `offset` (Range) and gets it in one piece.
        const second = await FileReceiver.open(db, 'p', 'e', stored, ['sha-1', 'quickxor'], partBytes);
        await body([whole.slice(offset)]).pipeTo(second.sink);
        const { data, digests } = await second.finish('image/jpeg');
        expect(new Uint8Array(await asBlob(data).arrayBuffer())).toEqual(whole);
        expect(digests['sha-256']).toBe(reference(whole, 'sha-256'));
        expect(digests['sha-1']).toBe(reference(whole, 'sha-1'));
        expect(digests.quickxor).toBe(reference(whole, 'quickxor'));
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('writes no part for a file that fits in one', async () => {
    const db = freshDb();
    const receiver = await FileReceiver.open(db, 'p', 'e', []);
    await body([new Uint8Array(1000).fill(7)]).pipeTo(receiver.sink);
    await receiver.finish('image/png');
    expect(await db.photoParts.count()).toBe(0);
  });
});

describe('hashBlob', () => {
  it('gives the same digests read whole or as a stream', async () => {
    const small = new Uint8Array(5000).map((_, i) => i % 251);
    const big = new Uint8Array(17 * 1024 * 1024).map((_, i) => i % 253);
    for (const bytes of [small, big]) {
      const digests = await hashBlob(new Blob([bytes]), ['md5', 'quickxor']);
      expect(digests['sha-256']).toBe(reference(bytes, 'sha-256'));
      expect(digests.md5).toBe(reference(bytes, 'md5'));
      expect(digests.quickxor).toBe(reference(bytes, 'quickxor'));
    }
  }, 60_000);
});
