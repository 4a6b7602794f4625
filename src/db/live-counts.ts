// How many live items a collection holds now, and a photo library (the wipe alarm's collection
// `photoCollectionId`): an address book's or calendar's from its kept counts (one small record,
// collection-counts.ts), a library's counted on the photos' `[accountId+live]` index. The wipe
// alarm, its acknowledgement and the run log's counts ask it; inside a transaction, that
// transaction must hold `collectionCounts`.
import type { LifeboatDb } from './schema';
import { photoCollectionId } from '../model/wipe-mark';
import { countLivePhotos } from './photos/photo-writes';

/** A collection's live items and those marked deleted upstream. */
export interface CollectionCount {
  live: number;
  deleted: number;
}

/** A collection's counts from its kept row: 0 and 0 where it has none (it holds nothing). */
export function collectionCountOf(row: CollectionCount | undefined): CollectionCount {
  return { live: row?.live ?? 0, deleted: row?.deleted ?? 0 };
}

/** A collection's counts now. Read it inside a write's transaction to see that write. */
export async function readCollectionCount(db: LifeboatDb, collectionId: string): Promise<CollectionCount> {
  return collectionCountOf(await db.collectionCounts.get(collectionId));
}

export async function countLiveItems(db: LifeboatDb, collectionId: string): Promise<number> {
  return (await readCollectionCount(db, collectionId)).live;
}

/** An address book's or calendar's live items, or the live photos of an account's library. */
export function countLiveIn(db: LifeboatDb, params: { collectionId: string; accountId: string }): Promise<number> {
  return params.collectionId === photoCollectionId(params.accountId) ? countLivePhotos(db, params.accountId) : countLiveItems(db, params.collectionId);
}
