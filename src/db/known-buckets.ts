// What a write transaction already knows of the counted records it touches: each key's counted
// fields (account, kind, collection, live) and the fields the ready exports follow (text, title,
// reading state) as last read or written in it, or `null` where the key holds no record. The
// counters middleware (counters-middleware.ts) and the stale pages' one
// (export-pages/stale-pages-middleware.ts) must know what a write replaces; the
// sync engine has just read those very records (mirror-writes.ts reads them to keep versions),
// so a second read of each (about 8% of the worker's CPU in a first mirror, measured with
// bench/first-mirror-profile.ts) is skipped when this says what they were. Only string keys are
// remembered (the items' and photos' ids).
import type { DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { keysOfWrite, recordsReplaced } from './mutate-wrapper';

/**
 * The fields of a record that decide its counters (counter-buckets.ts, collection-counts.ts) and
 * its export page (stale-pages-middleware.ts: whether a write keeps the page, and which page).
 */
export interface Counted {
  accountId: string;
  kind?: string;
  collectionId?: string;
  live: 0 | 1;
  id?: string;
  raw?: string;
  title?: string;
  unreadable?: string;
  degraded?: string;
  restoredAt?: number | null;
}

/** The fields copied (strings are shared, not copied): a caller may change its object after the write. */
const KEPT = ['accountId', 'kind', 'collectionId', 'live', 'id', 'raw', 'title', 'unreadable', 'degraded', 'restoredAt'] as const;

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
  const from = record as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const field of KEPT) if (from[field] !== undefined) kept[field] = from[field];
  return kept as unknown as Counted;
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

/**
 * What a write replaces, when the transaction knows all of it; else `undefined`. Synchronous
 * on purpose: the write must follow in the same Dexie zone (https://dexie.org/docs/Promise/Promise),
 * which an await on anything but a Dexie operation would leave.
 */
export function knownReplaced(table: DBCoreTable, name: string, request: DBCoreMutateRequest): unknown[] | undefined {
  if (request.type === 'deleteRange') return undefined;
  const recalled = recall(request.trans, name, keysOfWrite(table, request));
  return recalled.includes(undefined) ? undefined : recalled.map((known) => known ?? undefined);
}

/** The records a write replaces, read from the store where the transaction does not know them yet. */
export async function replacedRecords(table: DBCoreTable, name: string, request: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = request;
  if (request.type === 'deleteRange') return recordsReplaced(table, request);
  const keys = keysOfWrite(table, request);
  const recalled = recall(trans, name, keys);
  const read: unknown[] = await table.getMany({ trans, keys: keys.filter((_, index) => recalled[index] === undefined) });
  let next = 0;
  return recalled.map((known) => (known === undefined ? read[next++] : (known ?? undefined)));
}
