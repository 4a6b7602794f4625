// What the planner needs of the mirror for one collection's listing, read as narrowly as that
// listing allows. Every item record carries its whole text (inline photos included), so a scan
// of the collection clones all of it out of IndexedDB: only a full listing, which must find the
// items the server no longer lists, needs that. An unchanged collection needs its counts alone
// (its kept counts, collection-counts.ts: one small record), and a delta (RFC 6578) needs only
// the items it names.
import type { LifeboatDb } from './schema';
import type { ChangeListing } from '../model/source';
import type { MirroredRef } from '../model/mirrored-ref';
import { readMirrorRefs } from './mirror-writes';
import { itemId } from './item-id';
import { readCollectionCount, type CollectionCount } from './live-counts';

export interface PlanningRefs {
  /** The mirrored items the listing names (every one, for a full listing). */
  refs: Map<string, MirroredRef>;
  /** Items the collection holds, live or marked deleted upstream. */
  mirrored: number;
  /** Items the collection holds that are live. */
  live: number;
}

/**
 * `countsAtStart`, the collection's counts as the run read them before its first request: an
 * unchanged listing takes them and reads nothing. It needs them only for the run's count of
 * unchanged items (no wipe is judged where nothing changed), and this run has written none of
 * the collection's items yet.
 */
export async function readPlanningRefs(db: LifeboatDb, collectionId: string, listing: ChangeListing, countsAtStart?: CollectionCount): Promise<PlanningRefs> {
  if (listing.mode === 'full') {
    const refs = await readMirrorRefs(db, collectionId);
    let live = 0;
    for (const ref of refs.values()) if (ref.live) live++;
    return { refs, mirrored: refs.size, live };
  }
  if (listing.mode === 'unchanged' && countsAtStart !== undefined) {
    return { refs: new Map(), mirrored: countsAtStart.live + countsAtStart.deleted, live: countsAtStart.live };
  }
  // Kept counts, not a count: IndexedDB's count() walks every index entry of its range (at
  // 10,000 contacts ~100 ms in Chromium). The count and the delta's items are read at once.
  const [{ live, deleted }, refs] = await Promise.all([
    readCollectionCount(db, collectionId),
    listing.mode === 'delta' ? refsOf(db, collectionId, [...listing.changed.map((item) => item.href), ...listing.removed]) : new Map<string, MirroredRef>(),
  ]);
  return { refs, mirrored: deleted + live, live };
}

async function refsOf(db: LifeboatDb, collectionId: string, hrefs: string[]): Promise<Map<string, MirroredRef>> {
  const refs = new Map<string, MirroredRef>();
  const items = await db.items.bulkGet(hrefs.map((href) => itemId(collectionId, href)));
  for (const item of items) if (item) refs.set(item.href, { etag: item.etag, live: item.live === 1 });
  return refs;
}
