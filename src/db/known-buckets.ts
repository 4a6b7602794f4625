// What a write transaction already knows of the counted records it touches: each key's counted
// fields (account, kind, collection, live) as last read or written in it, or `null` where the key holds no
// record. The counters middleware (counters-middleware.ts) must know what a write replaces; the
// sync engine has just read those very records (mirror-writes.ts reads them to keep versions),
// so a second read of each (about 8% of the worker's CPU in a first mirror, measured with
// bench/first-mirror-profile.ts) is skipped when this says what they were. Only string keys are
// remembered (the items' and photos' ids).
import type { DBCoreTransaction } from 'dexie';

/** The fields of a record that decide its counters (counter-buckets.ts, collection-counts.ts). */
export interface Counted {
  accountId: string;
  kind?: string;
  collectionId?: string;
  live: 0 | 1;
}

const known = new WeakMap<DBCoreTransaction, Map<string, Map<string, Counted | null>>>();

function tableOf(trans: DBCoreTransaction, table: string): Map<string, Counted | null> {
  const tables = known.get(trans) ?? new Map<string, Map<string, Counted | null>>();
  known.set(trans, tables);
  const keys = tables.get(table) ?? new Map<string, Counted | null>();
  tables.set(table, keys);
  return keys;
}

function countedOf(record: unknown): Counted | null {
  if (record === undefined || record === null) return null;
  const { accountId, kind, collectionId, live } = record as Counted;
  return { accountId, live, ...(kind === undefined ? {} : { kind }), ...(collectionId === undefined ? {} : { collectionId }) };
}

/** Remembers what `keys` held once read or written (`undefined` for a key with no record). */
export function remember(trans: DBCoreTransaction, table: string, keys: readonly unknown[], records: readonly unknown[]): void {
  const memo = tableOf(trans, table);
  keys.forEach((key, index) => {
    if (typeof key === 'string') memo.set(key, countedOf(records[index]));
  });
}

/** Forgets keys whose record is no longer certain (a failed write, a range deleted). */
export function forget(trans: DBCoreTransaction, table: string, keys?: readonly unknown[]): void {
  const memo = tableOf(trans, table);
  if (keys === undefined) memo.clear();
  else for (const key of keys) if (typeof key === 'string') memo.delete(key);
}

/** What each key held, where known: `undefined` in the answer marks a key never read. */
export function recall(trans: DBCoreTransaction, table: string, keys: readonly unknown[]): Array<Counted | null | undefined> {
  const memo = known.get(trans)?.get(table);
  return keys.map((key) => (typeof key === 'string' ? memo?.get(key) : undefined));
}
