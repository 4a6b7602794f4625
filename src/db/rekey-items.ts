// The upgrade to schema 11: every item moved to its shorter key (item-id.ts), and the versions
// that record its history pointed at it. A primary key cannot change in place, so each item is
// written under its new key and its old record deleted, a batch at a time: the upgrade holds a
// batch of texts at once, never the whole mirror. The keys are made through WebCrypto, not the
// engine's item-id.ts: any page that opens the database may be the one that upgrades it, and the
// popup carries no hashing library (test/unit/popup-bundle.test.ts). `Dexie.waitFor` keeps the
// upgrade's transaction open while the digests are computed.
import { Dexie, type Transaction } from 'dexie';
import type { ItemRecord, VersionRecord } from '../model/item';
import { itemKeyInput, keyOfDigest } from './item-key';

/** The key item-id.ts gives the item at `href` in `collectionId`, through WebCrypto. */
export async function itemIdByWebCrypto(collectionId: string, href: string): Promise<string> {
  return keyOfDigest(new Uint8Array(await crypto.subtle.digest('SHA-256', itemKeyInput(collectionId, href))));
}

/** Items moved per step. */
const BATCH = 250;

export async function rekeyItems(tx: Transaction): Promise<void> {
  // The ready exports name their items by key (a page's bounds): dropped, they are built again
  // lazily, as after the upgrade that brought them (v9). Dropped first, so the moves below have
  // no page to mark stale.
  await tx.table('exportLayouts').clear();
  await tx.table('exportPages').clear();
  const items = tx.table<ItemRecord, string>('items');
  const versions = tx.table<VersionRecord, number>('versions');
  const oldKeys = await items.toCollection().primaryKeys();
  for (let at = 0; at < oldKeys.length; at += BATCH) {
    const keys = oldKeys.slice(at, at + BATCH);
    const moved = new Map<string, string>();
    const records: ItemRecord[] = [];
    const found = (await items.bulkGet(keys)).filter((item): item is ItemRecord => item !== undefined);
    const ids = await Dexie.waitFor(Promise.all(found.map((item) => itemIdByWebCrypto(item.collectionId, item.href))));
    for (const [index, item] of found.entries()) {
      const id = ids[index]!;
      if (id === item.id) continue;
      moved.set(item.id, id);
      records.push({ ...item, id });
    }
    if (records.length === 0) continue;
    // Written before the old ones go, so the kept counts (counters-middleware.ts) never pass
    // through zero; `bulkPut`, so that two old records of one address (which no release wrote)
    // end as one rather than fail the upgrade and leave the mirror unopenable.
    await items.bulkPut(records);
    await items.bulkDelete([...moved.keys()]);
    await versions
      .where('itemId')
      .anyOf([...moved.keys()])
      .modify((version) => {
        version.itemId = moved.get(version.itemId) ?? version.itemId;
      });
  }
}
