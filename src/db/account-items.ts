// One account's items, read collection by collection (`where('collectionId')`, which Dexie serves
// from `[collectionId+live]`, as readMirrorRefs in mirror-writes.ts reads one collection):
// schema 12 dropped the index that began with the account (`[accountId+kind+live]`), an entry on
// every write for what only removing an account and a point in time of one account read.
// Collection records stay while the account does (only removing it deletes them), so its
// collections reach every item it holds.
import type { LifeboatDb } from './schema';
import type { ItemRecord } from '../model/item';

async function collectionsOf(db: LifeboatDb, accountId: string) {
  const ids = await db.collections.where('accountId').equals(accountId).primaryKeys();
  return ids.map((id) => db.items.where('collectionId').equals(id));
}

export async function itemsOfAccount(db: LifeboatDb, accountId: string): Promise<ItemRecord[]> {
  return (await Promise.all((await collectionsOf(db, accountId)).map((items) => items.toArray()))).flat();
}

export async function itemKeysOfAccount(db: LifeboatDb, accountId: string): Promise<string[]> {
  return (await Promise.all((await collectionsOf(db, accountId)).map((items) => items.primaryKeys()))).flat();
}
