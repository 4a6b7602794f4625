// A mirror as an earlier release wrote it (its stores frozen in test/support/schema-v*-stores.ts),
// opened with the current code: what every schema upgrade test starts from.
import { Dexie } from 'dexie';
import { LifeboatDb } from '../../src/db/schema';

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
