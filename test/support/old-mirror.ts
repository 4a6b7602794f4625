// A mirror as an earlier release wrote it (its stores frozen in test/support/schema-v*-stores.ts),
// opened with the current code: what every schema upgrade test starts from.
import { Dexie } from 'dexie';
import { LifeboatDb } from '../../src/db/schema';
import { itemId } from '../../src/db/item-id';

export async function upgradedMirror(version: number, stores: Record<string, string>, tables: Record<string, readonly unknown[]>): Promise<LifeboatDb> {
  const name = `lifeboat-v${version}-mirror-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, records] of Object.entries(tables)) await old.table(table).bulkAdd([...records]);
  old.close();
  const db = new LifeboatDb(name);
  await db.open();
  return db;
}

interface KeyedItem {
  id: string;
  collectionId: string;
  href: string;
}

/** An item as the current code keys it, after the upgrade to schema 11 (src/db/rekey-items.ts). */
export function rekeyed<T extends KeyedItem>(item: T): T {
  return { ...item, id: itemId(item.collectionId, item.href) };
}

/**
 * An old mirror's tables as the current code holds them: its items under their keys of schema 11
 * and the versions pointing at them; every other record as written.
 */
export function rekeyedTables<T extends Record<string, readonly unknown[]>>(tables: T): T {
  const items = (tables.items ?? []) as readonly KeyedItem[];
  const newKey = new Map(items.map((item) => [item.id, itemId(item.collectionId, item.href)]));
  const versions = (tables.versions ?? []) as ReadonlyArray<{ itemId: string }>;
  return {
    ...tables,
    ...(tables.items ? { items: items.map(rekeyed) } : {}),
    ...(tables.versions ? { versions: versions.map((v) => ({ ...v, itemId: newKey.get(v.itemId) ?? v.itemId })) } : {}),
  };
}
