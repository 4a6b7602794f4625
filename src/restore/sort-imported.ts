// Which imported items are new to the mirror, and which match an item it holds by UID with
// another content: those are kept beside it, never instead of it (import-into-mirror.ts).
import type { LifeboatDb } from '../db/schema';
import type { CollectionRecord } from '../model/collection';
import type { FetchedItem } from '../db/mirror-writes';
import { itemId } from '../db/item-id';
import type { CollectionKind } from '../model/source';
import { sha256Hex } from '../hash/sha256';
import { contentKey } from './same-content';

/**
 * The contents held by the mirror's other collections of this kind for the UIDs among `uids`.
 * Read collection by collection (schema 12 dropped the items' `uid` index, an entry on every
 * write for what only an import reads): an import of a file reads the collections it could
 * repeat, once.
 */
async function contentsHeldElsewhere(db: LifeboatDb, kind: CollectionKind, uids: string[], collectionId: string): Promise<Map<string, Set<string>>> {
  const held = new Map<string, Set<string>>();
  if (uids.length === 0) return held;
  const wanted = new Set(uids);
  const others = await db.collections.filter((collection) => collection.kind === kind && collection.id !== collectionId).primaryKeys();
  for (const other of others) {
    await db.items.where('collectionId').equals(other).each((item) => {
      if (!item.uid || !wanted.has(item.uid)) return;
      const texts = held.get(item.uid) ?? new Set<string>();
      texts.add(contentKey(kind, item.raw));
      held.set(item.uid, texts);
    });
  }
  return held;
}

export interface Sorted {
  fresh: FetchedItem[];
  already: number;
  differed: number;
}

/**
 * What is new among `fetched`: not held elsewhere with the same content, and not stored by an
 * earlier import with the same content. A UID this collection holds with another content gets
 * a place of its own (its text's hash added to its href), so the earlier text stays too.
 * `apart`: places given within the file to a UID's second content, counted as differing.
 */
export async function sortImported(db: LifeboatDb, collection: CollectionRecord, fetched: FetchedItem[], apart: ReadonlySet<string>): Promise<Sorted> {
  const collectionId = collection.id;
  const key = (raw: string) => contentKey(collection.kind, raw);
  const elsewhere = await contentsHeldElsewhere(db, collection.kind, fetched.flatMap((item) => (item.uid ? [item.uid] : [])), collectionId);
  const sorted: Sorted = { fresh: [], already: 0, differed: 0 };
  const stored = await db.items.bulkGet(fetched.map((item) => itemId(collectionId, item.href)));
  for (const [index, item] of fetched.entries()) {
    const heldTexts = item.uid ? elsewhere.get(item.uid) : undefined;
    const itemKey = key(item.raw);
    if (heldTexts?.has(itemKey)) {
      sorted.already++;
      continue;
    }
    const here = stored[index];
    let placed = item;
    if (here && key(here.raw) !== itemKey) placed = { ...item, href: `${item.href}|sha256:${await sha256Hex(new TextEncoder().encode(item.raw))}` };
    const storedPlaced = placed === item ? here : await db.items.get(itemId(collectionId, placed.href));
    if (storedPlaced && key(storedPlaced.raw) === itemKey) {
      // Imported before: counted as a difference then, already in the mirror now.
      sorted.already++;
      continue;
    }
    if (heldTexts || placed !== item || apart.has(item.href)) sorted.differed++;
    sorted.fresh.push(placed);
  }
  return sorted;
}
