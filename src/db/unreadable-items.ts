// The items a collection holds as served although their text could not be read: their hrefs
// live on the collection record, so the popup counts them and the run log names them without
// scanning the items (the rule "pages never scan", docs/ARCHITECTURE.md).
import type { LifeboatDb } from './schema';
import type { UnreadableItemRef } from '../model/run';
import type { ItemRecord } from '../model/item';
import type { CollectionRecord } from '../model/collection';
import { itemId } from './item-id';

export interface UnreadableChange {
  /** The hrefs held unreadable before the run. */
  held: readonly string[];
  /** Items the run stored, each with `unreadable` set or not. */
  stored: ReadonlyArray<{ href: string; unreadable?: string }>;
  /** Items the run marked deleted upstream: no longer live, no longer counted. */
  markedDeleted: readonly string[];
}

/** The hrefs held unreadable after a run. Pure. */
export function unreadableAfter({ held, stored, markedDeleted }: UnreadableChange): string[] {
  const hrefs = new Set(held);
  for (const item of stored) {
    if (item.unreadable === undefined) hrefs.delete(item.href);
    else hrefs.add(item.href);
  }
  for (const href of markedDeleted) hrefs.delete(href);
  return [...hrefs].sort();
}

/** Applies a change to the collection's list, writing it only when it differs; returns the new list. */
export async function keepUnreadableHrefs(db: LifeboatDb, collectionId: string, change: UnreadableChange): Promise<string[]> {
  const after = unreadableAfter(change);
  const before = change.held;
  if (after.length !== before.length || after.some((href, index) => href !== before[index])) {
    await db.collections.update(collectionId, { unreadableHrefs: after });
  }
  return after;
}

/** Each unreadable live item of the collection, for the run log: reads those items only. */
export async function unreadableRefs(db: LifeboatDb, collection: CollectionRecord, hrefs: readonly string[]): Promise<UnreadableItemRef[]> {
  if (hrefs.length === 0) return [];
  const items = await db.items.bulkGet(hrefs.map((href) => itemId(collection.id, href)));
  return items
    .filter((item): item is ItemRecord & { unreadable: string } => item?.live === 1 && item.unreadable !== undefined)
    .map((item) => ({ collectionId: collection.id, collectionName: collection.displayName, href: item.href, title: item.title, reason: item.unreadable }));
}
