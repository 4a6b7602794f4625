// One account's items, read collection by collection through `[collectionId+live]`: schema 12
// dropped the index that began with the account (`[accountId+kind+live]`), an entry on every
// write for what only removing an account and a point in time of one account read. Collection
// records stay while the account does (only removing it deletes them), so its collections
// reach every item it holds. Bounds of two parts for each: IndexedDB compares arrays part by
// part, so [id, minKey] < [id, live] < [id, maxKey] (https://w3c.github.io/IndexedDB/#compare-two-keys).
import { Dexie } from 'dexie';
import type { LifeboatDb } from './schema';
import type { ItemRecord } from '../model/item';

function rangesOf(db: LifeboatDb, collectionIds: readonly string[]) {
  return collectionIds.map((id) => db.items.where('[collectionId+live]').between([id, Dexie.minKey], [id, Dexie.maxKey]));
}

async function collectionsOf(db: LifeboatDb, accountId: string): Promise<string[]> {
  return db.collections.where('accountId').equals(accountId).primaryKeys();
}

export async function itemsOfAccount(db: LifeboatDb, accountId: string): Promise<ItemRecord[]> {
  const ranges = rangesOf(db, await collectionsOf(db, accountId));
  return (await Promise.all(ranges.map((range) => range.toArray()))).flat();
}

export async function itemKeysOfAccount(db: LifeboatDb, accountId: string): Promise<string[]> {
  const ranges = rangesOf(db, await collectionsOf(db, accountId));
  return (await Promise.all(ranges.map((range) => range.primaryKeys()))).flat();
}
