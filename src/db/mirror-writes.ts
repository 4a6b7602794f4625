// Writes of a sync run into the mirror. Each call is one short transaction with no network
// I/O inside it (awaiting a fetch inside a Dexie transaction commits it early:
// https://dexie.org/docs/DexieErrors/Dexie.PrematureCommitError).
import type { LifeboatDb } from './schema';
import type { AlarmRecord } from '../model/alarm';
import type { ItemRecord, VersionRecord } from '../model/item';
import type { CollectionRecord } from '../model/collection';
import type { ItemFields } from '../model/item-reader';
import { listingFields } from './listing-fields';
import type { MirroredRef } from '../model/mirrored-ref';
import type { WipePolicy } from '../model/wipe-guard';
import { addToWipeCount, judgeWipe } from './wipe-marks';
import { countLiveItems } from './live-counts';
import { itemId } from './item-id';

/** An item fetched from the server, checked, with its display fields. */
export interface FetchedItem extends ItemFields {
  href: string;
  etag: string;
  raw: string;
}

export async function readMirrorRefs(db: LifeboatDb, collectionId: string): Promise<Map<string, MirroredRef>> {
  const refs = new Map<string, MirroredRef>();
  await db.items.where('collectionId').equals(collectionId).each((item) => {
    refs.set(item.href, { etag: item.etag, live: item.live === 1 });
  });
  return refs;
}

/**
 * Adds new items and updates changed ones, keeping each replaced text as a version. Changed
 * means a different text: a new ETag over the same bytes (a server that re-stamps ETags
 * after a restore or a migration) updates the ETag and is neither a version nor a change for
 * the wipe alarm, whose count of the run is saved in this same transaction.
 */
export async function storeItems(
  db: LifeboatDb,
  collection: CollectionRecord,
  fetched: FetchedItem[],
  now: number,
): Promise<{ added: number; changed: number }> {
  let added = 0;
  let changed = 0;
  // Live items whose text the server replaced: what the alarm counts (a revived one is no loss).
  let rewritten = 0;
  await db.transaction('rw', [db.items, db.versions, db.wipeMarks], async () => {
    const ids = fetched.map((item) => itemId(collection.id, item.href));
    const existing = await db.items.bulkGet(ids);
    const puts: ItemRecord[] = [];
    const versions: VersionRecord[] = [];
    fetched.forEach((item, index) => {
      const old = existing[index];
      if (!old) added++;
      else if (old.raw !== item.raw || old.live === 0) {
        changed++;
        if (old.live === 1) rewritten++;
        versions.push({
          itemId: old.id,
          etag: old.etag,
          raw: old.raw,
          validFrom: old.updatedAt,
          replacedAt: now,
          deletedAt: old.deletedUpstreamAt,
        });
      }
      puts.push({
        ...item,
        ...listingFields(item),
        id: ids[index] ?? itemId(collection.id, item.href),
        accountId: collection.accountId,
        collectionId: collection.id,
        firstSeenAt: old?.firstSeenAt ?? now,
        updatedAt: old && old.raw === item.raw && old.live === 1 ? old.updatedAt : now,
        deletedUpstreamAt: null,
        live: 1,
      });
    });
    // Asked at once: IndexedDB runs a transaction's requests in order, so none waits for another's
    // round trip, and any that fails aborts them all (https://w3c.github.io/IndexedDB/#transaction-concept).
    await Promise.all([
      db.versions.bulkAdd(versions),
      db.items.bulkPut(puts),
      rewritten > 0 ? addToWipeCount(db, collection.id, { changed: rewritten }) : undefined,
    ]);
  });
  return { added, changed };
}

/** Marks items deleted upstream. Their text stays; nothing is removed. */
export async function markDeletedUpstream(
  db: LifeboatDb,
  collectionId: string,
  hrefs: string[],
  now: number,
): Promise<number> {
  if (hrefs.length === 0) return 0;
  return db.transaction('rw', db.items, async () => {
    const items = await db.items.bulkGet(hrefs.map((href) => itemId(collectionId, href)));
    const marked = items.filter((item): item is ItemRecord => item?.live === 1);
    await db.items.bulkPut(marked.map((item) => ({ ...item, live: 0 as const, deletedUpstreamAt: now })));
    return marked.length;
  });
}

/**
 * The end of a collection's run: its deletions marked, and the run judged by the wipe guard,
 * in one transaction, so the alarm is never lost between the marks and its record.
 */
export async function markDeletedAndJudge(
  db: LifeboatDb,
  params: { collection: CollectionRecord; hrefs: string[]; emptied: boolean; policy: WipePolicy; now: number },
): Promise<{ deleted: number; alarm: AlarmRecord | null }> {
  const { collection, now } = params;
  // `collectionCounts`: the judgment reads the live count the marks just moved, in their transaction.
  return db.transaction('rw', [db.items, db.wipeMarks, db.alarms, db.collectionCounts], async () => {
    const deleted = await markDeletedUpstream(db, collection.id, params.hrefs, now);
    await addToWipeCount(db, collection.id, { deleted, emptied: params.emptied });
    const alarm = await judgeWipe(db, {
      collectionId: collection.id,
      accountId: collection.accountId,
      collectionName: collection.displayName,
      now,
      policy: params.policy,
      countLive: () => countLiveItems(db, collection.id),
    });
    return { deleted, alarm };
  });
}
