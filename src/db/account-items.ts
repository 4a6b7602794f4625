// One account's items, read through `[accountId+kind+live]`, the index that begins with the
// account (schema 8 dropped the items' own `accountId` index). Bounds of two parts rather than
// Dexie's virtual index from the compound's first part, which pads its range to three parts and
// was refused (DataError) in tests on fake-indexeddb. IndexedDB compares arrays part by part,
// so [id, minKey] < [id, kind, live] < [id, maxKey] for every kind and live flag
// (https://w3c.github.io/IndexedDB/#compare-two-keys).
import { Dexie } from 'dexie';
import type { LifeboatDb } from './schema';

export function itemsOfAccount(db: LifeboatDb, accountId: string) {
  return db.items.where('[accountId+kind+live]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]);
}
