// Writes of a sync run into the mirror. Each call is one short transaction with no network
// I/O inside it (awaiting a fetch inside a Dexie transaction commits it early:
// https://dexie.org/docs/DexieErrors/Dexie.PrematureCommitError).
import type { LifeboatDb } from './schema';
import type { CollectionRecord, ItemRecord, VersionRecord } from './records';
import type { ItemFields } from '../sync/item-reader';
import { listingFields } from './listing-fields';
import type { MirroredRef } from '../sync/plan-collection';

/** An item fetched from the server, checked, with its display fields. */
export interface FetchedItem extends ItemFields {
  href: string;
  etag: string;
  raw: string;
}

export function itemId(collectionId: string, href: string): string {
  return `${collectionId}|${href}`;
}

export async function readMirrorRefs(db: LifeboatDb, collectionId: string): Promise<Map<string, MirroredRef>> {
  const refs = new Map<string, MirroredRef>();
  await db.items.where('collectionId').equals(collectionId).each((item) => {
    refs.set(item.href, { etag: item.etag, live: item.live === 1 });
  });
  return refs;
}

/** Adds new items and updates changed ones, keeping each replaced text as a version. */
export async function storeItems(
  db: LifeboatDb,
  collection: CollectionRecord,
  fetched: FetchedItem[],
  now: number,
): Promise<{ added: number; changed: number }> {
  let added = 0;
  let changed = 0;
  await db.transaction('rw', db.items, db.versions, async () => {
    const ids = fetched.map((item) => itemId(collection.id, item.href));
    const existing = await db.items.bulkGet(ids);
    const puts: ItemRecord[] = [];
    const versions: VersionRecord[] = [];
    fetched.forEach((item, index) => {
      const old = existing[index];
      if (!old) added++;
      else if (old.raw !== item.raw || old.live === 0) {
        changed++;
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
    await db.versions.bulkAdd(versions);
    await db.items.bulkPut(puts);
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
