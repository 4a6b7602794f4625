// Downloaded photos are written in batches behind the downloads: everything handed over is
// stored, photos that come one by one still share a transaction, a lone photo is not kept
// waiting, a photo that cannot be stored fails alone, and downloads wait once too many bytes
// are waiting to be written.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import { StoreBatcher } from '../../src/sync/photos/store-batcher';
import { photoRecord } from '../../src/photos/photo-record';
import type { PhotoToStore } from '../../src/db/photos/photo-writes';

const NO_FACTS = { takenAt: null, width: null, height: null, geo: null };

function photo(n: number, size = 10): PhotoToStore {
  const origin = { accountId: 'a', path: `https://nas.example/IMG_${n}.jpg`, name: `IMG_${n}.jpg`, etag: `"${n}"`, mime: 'image/jpeg', albums: [] };
  return { record: photoRecord(origin, { size, sha256: `sha-${n}` }, NO_FACTS, 1), data: new Uint8Array(size).fill(n) };
}

/** Counts the transactions the database opens from here on. */
function countTransactions(db: ReturnType<typeof freshDb>): { count: number } {
  const counter = { count: 0 };
  const original = db.transaction.bind(db);
  db.transaction = ((...args: Parameters<typeof db.transaction>) => {
    counter.count++;
    return original(...args);
  }) as typeof db.transaction;
  return counter;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PENDING = Symbol('pending');
const stateOf = (promise: Promise<unknown>) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(PENDING), 20))]);

describe('StoreBatcher', () => {
  it('stores everything handed over, in fewer transactions than photos', async () => {
    const db = freshDb();
    const transactions = countTransactions(db);
    const batcher = new StoreBatcher(db, () => 2, { files: 8, bytes: 1 << 20 });
    const handed = await Promise.all(Array.from({ length: 40 }, (_, n) => batcher.add(photo(n))));
    await batcher.flush();
    await Promise.all(handed.map(({ stored }) => stored));
    expect(await db.photos.count()).toBe(40);
    expect(await db.photoBlobs.count()).toBe(40);
    expect(transactions.count).toBeLessThanOrEqual(6);
    expect(transactions.count).toBeGreaterThanOrEqual(5);
  });

  it('writes photos that come one by one, faster than a write, in one transaction', async () => {
    const db = freshDb();
    const transactions = countTransactions(db);
    const batcher = new StoreBatcher(db, () => 2, { files: 32, bytes: 1 << 20, lingerMs: 200 });
    const handed = [];
    for (let n = 0; n < 6; n++) {
      handed.push(await batcher.add(photo(n)));
      await sleep(10);
    }
    await batcher.flush();
    await Promise.all(handed.map(({ stored }) => stored));
    expect(await db.photos.count()).toBe(6);
    expect(transactions.count).toBe(1);
  });

  it('stores a lone photo once it has waited, without a flush', async () => {
    const db = freshDb();
    const batcher = new StoreBatcher(db, () => 2, { files: 32, bytes: 1 << 20, lingerMs: 30 });
    const { stored } = await batcher.add(photo(1));
    expect(await stateOf(stored)).toBe(PENDING);
    await sleep(60);
    await stored;
    expect(await db.photos.count()).toBe(1);
  });

  it('writes a batch once its bytes reach half the bound, before it is full', async () => {
    const db = freshDb();
    const batcher = new StoreBatcher(db, () => 2, { files: 32, bytes: 100, lingerMs: 60_000 });
    const { stored } = await batcher.add(photo(1, 60));
    await stored;
    expect(await db.photos.count()).toBe(1);
  });

  it('fails only the photo that cannot be stored', async () => {
    const db = freshDb();
    const batcher = new StoreBatcher(db, () => 2);
    const broken = photo(2);
    // An id IndexedDB cannot use as a key.
    broken.record = { ...broken.record, id: { not: 'a key' } as unknown as string };
    const handed = await Promise.all([photo(1), broken, photo(3)].map((p) => batcher.add(p)));
    const outcomes = await Promise.allSettled(handed.map(({ stored }) => stored));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await db.photos.toArray()).map((p) => p.name).sort()).toEqual(['IMG_1.jpg', 'IMG_3.jpg']);
  });

  it('makes a download wait while too many bytes wait to be written', async () => {
    const db = freshDb();
    // Writes wait for the gate, as a slow disk would make them.
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const original = db.transaction.bind(db);
    db.transaction = ((...args: Parameters<typeof db.transaction>) => gate.then(() => original(...args))) as typeof db.transaction;
    const batcher = new StoreBatcher(db, () => 2, { files: 8, bytes: 100 });
    const first = await batcher.add(photo(1, 60));
    await batcher.add(photo(2, 60));
    const third = batcher.add(photo(3, 60));
    expect(await stateOf(third)).toBe(PENDING);
    open();
    await first.stored;
    await batcher.flush();
    expect(await stateOf(third)).not.toBe(PENDING);
    await batcher.flush();
    expect(await db.photos.count()).toBe(3);
  });
});
