// Each collection's kept counts (db/collection-counts.ts, moved by counters-middleware.ts) equal
// a fresh count of its items after any sequence of writes: a sync's stores and deletion marks,
// puts and bulk puts made directly, deletes of keys and of key ranges, modify(), an account
// removed with or without its data, a version restored, the whole table cleared. The account's
// counters are checked beside them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshDb, envelopeReaders } from '../support/test-db';
import { storeItems, markDeletedUpstream } from '../../src/db/mirror-writes';
import { itemId } from '../../src/db/item-id';
import { removeAccountData } from '../../src/db/remove-account';
import { restoreVersion } from '../../src/db/restore-version';
import { countCollections } from '../../src/db/collection-counts';
import { countRecords } from '../../src/db/counter-buckets';
import { withDerivedFields } from '../../src/db/derived-fields';
import type { LifeboatDb } from '../../src/db/schema';
import type { CollectionRecord } from '../../src/model/collection';
import type { ItemRecord } from '../../src/model/item';

const ACCOUNTS = ['a', 'b'];
const BOOKS = ['x', 'y'];

function collection(accountId: string, book: string): CollectionRecord {
  return { id: `${accountId}|${book}`, accountId, kind: 'addressbook', href: `https://dav.example.com/${accountId}/${book}/`, displayName: book, enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
}

const text = (n: number) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P${n}\r\nEND:VCARD\r\n`;

function record(col: CollectionRecord, href: string, n: number, live: 0 | 1): ItemRecord {
  return withDerivedFields({
    id: itemId(col.id, href), accountId: col.accountId, collectionId: col.id, kind: 'contact', href, etag: `"${n}"`, raw: text(n), uid: null, title: `P${n}`,
    emails: [], phones: [], start: null, end: null, allDay: false, recurring: false, firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: live ? null : 1, live,
  });
}

const where = { account: fc.constantFrom(...ACCOUNTS), book: fc.constantFrom(...BOOKS) };
const href = fc.integer({ min: 0, max: 5 }).map((n) => `h${n}`);
const live = fc.constantFrom(0 as const, 1 as const);
const keyChar = fc.constantFrom(...'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');
const write = fc.oneof(
  fc.record({ op: fc.constant('store' as const), ...where, items: fc.array(fc.record({ href, n: fc.integer({ min: 0, max: 2 }) }), { maxLength: 5 }) }),
  fc.record({ op: fc.constant('markDeleted' as const), ...where, hrefs: fc.array(href, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('put' as const), ...where, href, n: fc.integer({ min: 0, max: 2 }), live }),
  fc.record({ op: fc.constant('bulkPut' as const), ...where, items: fc.array(fc.record({ href, live }), { maxLength: 4 }) }),
  fc.record({ op: fc.constant('delete' as const), ...where, hrefs: fc.array(href, { maxLength: 3 }) }),
  // Keys are digests (src/db/item-key.ts): a range of them holds items of any collection.
  fc.record({ op: fc.constant('rangeDelete' as const), ...where, bounds: fc.tuple(keyChar, keyChar).map(([a, b]) => (a < b ? [a, b] : [b, a])) }),
  fc.record({ op: fc.constant('indexDelete' as const), ...where, live }),
  fc.record({ op: fc.constant('modify' as const), ...where, live }),
  fc.record({ op: fc.constant('remove' as const), account: where.account, keepData: fc.boolean() }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('clear' as const) }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: LifeboatDb, w: Write, now: number): Promise<void> {
  if (w.op === 'clear') return db.items.clear();
  if (w.op === 'restore') {
    const ids = await db.versions.toCollection().primaryKeys();
    const id = ids[w.pick % Math.max(ids.length, 1)];
    // A version whose item is gone refuses to restore; the counts must not move then either.
    if (id !== undefined) await restoreVersion(db, id, envelopeReaders, now).catch(() => undefined);
    return;
  }
  if (w.op === 'remove') return removeAccountData(db, w.account, { keepData: w.keepData });
  const col = collection(w.account, w.book);
  switch (w.op) {
    case 'store': {
      // One href once per batch, as a server's multiget answers it.
      const unique = [...new Map(w.items.map((i) => [i.href, i])).values()];
      await storeItems(db, col, unique.map((i) => ({ href: i.href, etag: `"${i.n}"`, raw: text(i.n), kind: 'contact', uid: null, title: i.href })), now);
      return;
    }
    case 'markDeleted':
      await markDeletedUpstream(db, col.id, [...new Set(w.hrefs)], now);
      return;
    case 'put':
      await db.items.put(record(col, w.href, w.n, w.live));
      return;
    case 'bulkPut':
      // The same key twice in one bulkPut: the later record wins, and the count must follow it.
      await db.items.bulkPut(w.items.map((i) => record(col, i.href, 0, i.live)));
      return;
    case 'delete':
      await db.items.bulkDelete(w.hrefs.map((h) => itemId(col.id, h)));
      return;
    case 'rangeDelete':
      // A primary-key range: Dexie deletes it as one range (DBCore deleteRange).
      await db.items.where('id').between(w.bounds[0], `${w.bounds[1]}\uffff`).delete();
      return;
    case 'indexDelete':
      await db.items.where('[collectionId+live]').equals([col.id, w.live]).delete();
      return;
    case 'modify':
      await db.items.where('[collectionId+live]').equals([col.id, w.live === 1 ? 0 : 1]).modify({ live: w.live });
      return;
  }
}

const sorted = <T extends { collectionId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.collectionId < b.collectionId ? -1 : 1));

describe('each collection\'s kept counts', () => {
  it('equal a fresh count after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 14 }), async (writes) => {
        const db = freshDb();
        try {
          for (const [index, w] of writes.entries()) await apply(db, w, 10 + index);
          const items = await db.items.toArray();
          expect(sorted(await db.collectionCounts.toArray())).toEqual(sorted(countCollections(items)));
          // The account's counters move by the same rule (a key written twice in one write included).
          const byAccount = <T extends { accountId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
          expect(byAccount(await db.counters.toArray())).toEqual(byAccount(countRecords(items, [])));
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 80 },
    );
  });
});
