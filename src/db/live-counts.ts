// How many live items a collection holds now, and a photo library (the wipe alarm's collection
// `photoCollectionId`): counted on the `[collectionId+live]` and `[accountId+live]` indexes,
// which reads no record. The wipe alarm, its acknowledgement and the run log's counts ask it.
import type { LifeboatDb } from './schema';
import { photoCollectionId } from '../model/wipe-mark';
import { countLivePhotos } from './photos/photo-writes';

export function countLiveItems(db: LifeboatDb, collectionId: string): Promise<number> {
  return db.items.where('[collectionId+live]').equals([collectionId, 1]).count();
}

/** An address book's or calendar's live items, or the live photos of an account's library. */
export function countLiveIn(db: LifeboatDb, params: { collectionId: string; accountId: string }): Promise<number> {
  return params.collectionId === photoCollectionId(params.accountId) ? countLivePhotos(db, params.accountId) : countLiveItems(db, params.collectionId);
}
