// The counters table (db/counters-middleware.ts) equals a full count of the items and photos
// after any sequence of the writes the extension makes: stores, changes, deletions upstream,
// revivals, photo writes, an account removed with or without its data, direct deletes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshDb } from '../support/test-db';
import { storeItems, markDeletedUpstream } from '../../src/db/mirror-writes';
import { itemId } from '../../src/db/item-id';
import { markPhotosDeleted, storePhotos } from '../../src/db/photos/photo-writes';
import { removeAccountData } from '../../src/db/remove-account';
import { countRecords } from '../../src/db/counter-buckets';
import type { LifeboatDb } from '../../src/db/schema';
import type { CollectionRecord } from '../../src/model/collection';
import type { ItemKind } from '../../src/model/item';
import type { PhotoRecord } from '../../src/model/photo';

const ACCOUNTS = ['a', 'b'];
const KINDS: ItemKind[] = ['contact', 'event', 'task'];

function collection(accountId: string): CollectionRecord {
  return { id: `${accountId}|col`, accountId, kind: 'addressbook', href: `https://dav.example.com/${accountId}/`, displayName: accountId, enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
}

function photo(accountId: string, n: number, sha: number): PhotoRecord {
  return {
    id: `${accountId}|p${n}`, accountId, path: `p${n}`, name: `p${n}.jpg`, etag: `"${sha}"`, size: 1, mime: 'image/jpeg', sha256: `s${sha}`,
    takenAt: null, sortAt: n, width: null, height: null, albums: [], description: null, geo: null, firstSeenAt: 1, updatedAt: 1,
    deletedUpstreamAt: null, live: 1, thumb: 0, checkedAt: 0, corruptAt: null,
  };
}

const account = fc.constantFrom(...ACCOUNTS);
const href = fc.integer({ min: 0, max: 7 }).map((n) => `h${n}`);
const write = fc.oneof(
  fc.record({
    op: fc.constant('store' as const),
    account,
    items: fc.array(fc.record({ href, kind: fc.constantFrom(...KINDS), text: fc.integer({ min: 0, max: 2 }) }), { maxLength: 5 }),
  }),
  fc.record({ op: fc.constant('markDeleted' as const), account, hrefs: fc.array(href, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('photos' as const), account, photos: fc.array(fc.record({ n: fc.integer({ min: 0, max: 4 }), sha: fc.integer({ min: 0, max: 1 }) }), { maxLength: 3 }) }),
  fc.record({ op: fc.constant('photosDeleted' as const), account, ns: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }) }),
  fc.record({ op: fc.constant('remove' as const), account, keepData: fc.boolean() }),
  fc.record({ op: fc.constant('deleteItems' as const), account, hrefs: fc.array(href, { maxLength: 3 }) }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: LifeboatDb, w: Write, now: number): Promise<void> {
  const col = collection(w.account);
  switch (w.op) {
    case 'store': {
      // One href once per batch, as a server's multiget answers it.
      const unique = [...new Map(w.items.map((i) => [i.href, i])).values()];
      await storeItems(db, col, unique.map((i) => ({ href: i.href, etag: `"${i.text}"`, raw: `text ${i.text}`, kind: i.kind, uid: null, title: i.href })), now);
      return;
    }
    case 'markDeleted':
      await markDeletedUpstream(db, col.id, [...new Set(w.hrefs)], now);
      return;
    case 'photos': {
      const unique = [...new Map(w.photos.map((p) => [p.n, p])).values()];
      await storePhotos(db, unique.map((p) => ({ record: photo(w.account, p.n, p.sha), data: new Uint8Array([p.sha]) })), now);
      return;
    }
    case 'photosDeleted':
      await markPhotosDeleted(db, w.ns.map((n) => `${w.account}|p${n}`), now);
      return;
    case 'remove':
      await removeAccountData(db, w.account, { keepData: w.keepData });
      return;
    case 'deleteItems':
      await db.items.bulkDelete(w.hrefs.map((h) => itemId(col.id, h)));
      return;
  }
}

async function fullCount(db: LifeboatDb) {
  const rows = countRecords(await db.items.toArray(), await db.photos.toArray());
  return Object.fromEntries(rows.map((row) => [row.accountId, row.counts]));
}

async function kept(db: LifeboatDb) {
  return Object.fromEntries((await db.counters.toArray()).map((row) => [row.accountId, row.counts]));
}

describe('the counters', () => {
  it('equal a full count after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 12 }), async (writes) => {
        const db = freshDb();
        try {
          for (const [index, w] of writes.entries()) await apply(db, w, 10 + index);
          expect(await kept(db)).toEqual(await fullCount(db));
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('move in the transaction of the write: a write that fails leaves them as they were', async () => {
    const db = freshDb();
    const col = collection('a');
    await storeItems(db, col, [{ href: 'h1', etag: '"1"', raw: 'one', kind: 'contact', uid: null, title: 'One' }], 1);
    await expect(
      db.transaction('rw', db.items, async () => {
        await db.items.delete(itemId(col.id, 'h1'));
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await kept(db)).toEqual({ a: { 'contact:live': 1 } });
    // And the collection's (db/collection-counts.ts), moved by the same middleware.
    expect(await db.collectionCounts.toArray()).toEqual([{ collectionId: col.id, live: 1, deleted: 0 }]);
    db.close();
  });
});
