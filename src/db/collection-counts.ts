// Each collection's live and deleted items, kept in the `collectionCounts` table by
// counters-middleware.ts in the transaction of every item write, as the per-account counters
// are. IndexedDB keeps no count of an index range: `count()` on `[collectionId+live]` walks each
// entry (about 100 ms at 10,000 contacts in Chromium), which was most of a no-change sync's time
// on a fast server. A run reads one small record per collection instead (live-counts.ts).
import type { Transaction } from 'dexie';
import type { CollectionCountRecord } from '../model/counter';
import type { ItemRecord } from '../model/item';

export const COLLECTION_COUNTS_TABLE = 'collectionCounts';

/** Per collection, the change of its live and deleted counts that a write makes. */
export type CollectionDeltas = Map<string, { live: number; deleted: number }>;

type Counted = Pick<ItemRecord, 'collectionId' | 'live'>;

export function addToCollection(deltas: CollectionDeltas, record: Counted, by: number): void {
  const delta = deltas.get(record.collectionId) ?? { live: 0, deleted: 0 };
  if (record.live === 1) delta.live += by;
  else delta.deleted += by;
  deltas.set(record.collectionId, delta);
}

/** The records that `deltas` makes of `rows` (the same collections, in order): kept and emptied. */
export function collectionRowsAfter(deltas: CollectionDeltas, rows: ReadonlyArray<CollectionCountRecord | undefined>): { puts: CollectionCountRecord[]; emptied: string[] } {
  const puts: CollectionCountRecord[] = [];
  const emptied: string[] = [];
  [...deltas].forEach(([collectionId, delta], index) => {
    const live = (rows[index]?.live ?? 0) + delta.live;
    const deleted = (rows[index]?.deleted ?? 0) + delta.deleted;
    if (live === 0 && deleted === 0) emptied.push(collectionId);
    else puts.push({ collectionId, live, deleted });
  });
  return { puts, emptied };
}

/** Each collection's counts from `items` counted one by one (the upgrade's start, a test's check). */
export function countCollections(items: Iterable<Counted>): CollectionCountRecord[] {
  const deltas: CollectionDeltas = new Map();
  for (const item of items) addToCollection(deltas, item, 1);
  return [...deltas].map(([collectionId, { live, deleted }]) => ({ collectionId, live, deleted }));
}

/**
 * The upgrade to schema 10: the counts computed once from the records, through a cursor on the
 * `[collectionId+live]` index's keys alone (Dexie's `eachKey`), so no raw text is read.
 */
export async function seedCollectionCounts(tx: Transaction): Promise<void> {
  const items: Counted[] = [];
  await tx
    .table('items')
    .orderBy('[collectionId+live]')
    .eachKey((key) => {
      const [collectionId, live] = key as [string, 0 | 1];
      items.push({ collectionId, live });
    });
  await tx.table(COLLECTION_COUNTS_TABLE).bulkPut(countCollections(items));
}
