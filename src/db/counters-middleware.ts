// Keeps the `counters` table equal to what the items and photos tables hold, in the same
// transaction as every write to them, whichever module writes (the sync engine, a deletion, a
// restored version, an import, a photo run, an account's removal). Dexie DBCore middleware
// (https://dexie.org/docs/Dexie/Dexie.use()): every read-write transaction over a counted
// table also takes the counters' store, and each write reads the records it replaces first,
// so the counts move by exactly what changed: from what the transaction already read or wrote
// of them when it did (known-buckets.ts), else from the store. The counts of the writes of one transaction are
// applied one write after the other (a chain per transaction), never read twice at once. Item
// writes also move their collection's counts (`collectionCounts`, collection-counts.ts).
import type { DBCore, DBCoreGetManyRequest, DBCoreGetRequest, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { forget, knownReplaced, remember, replacedRecords } from './known-buckets';
import { keepsStore, keysOfWrite, stepsInOrder } from './mutate-wrapper';
import type { CounterRecord } from '../model/counter';
import { COUNTED_TABLES, addToDeltas, bucketOf, type CountedTable, type CounterDeltas } from './counter-buckets';
import { COLLECTION_COUNTS_TABLE, addToCollection, collectionRowsAfter, type CollectionDeltas } from './collection-counts';
import type { CollectionCountRecord } from '../model/counter';

export const COUNTERS_TABLE = 'counters';

const isCounted = (name: string): name is CountedTable => (COUNTED_TABLES as readonly string[]).includes(name);

/** The write before the next one of the same transaction. */
const inOrder = stepsInOrder();

/**
 * The upgrade transaction computes the counters from scratch (seedCounters), and upgrades
 * before schema 7 have no counters' store: their writes are not counted one by one.
 */
function counts(trans: DBCoreTransaction): boolean {
  return keepsStore(trans, COUNTERS_TABLE);
}

/** What the transaction now knows the written keys hold. */
function rememberWrite(table: DBCoreTable, name: string, request: DBCoreMutateRequest, response: DBCoreMutateResponse): void {
  const { trans } = request;
  if (request.type === 'deleteRange') return forget(trans, name);
  if (request.type === 'delete') return remember(trans, name, request.keys, []);
  const keys = keysOfWrite(table, request);
  remember(trans, name, keys, request.values);
  forget(trans, name, keys.filter((_, index) => response.failures[index] !== undefined));
}

/** An item's or a photo's counted fields (a photo has no collection). */
type CountedRecord = Parameters<typeof bucketOf>[1] & { collectionId?: string };

interface Deltas {
  accounts: CounterDeltas;
  collections: CollectionDeltas;
}

/**
 * What a write changes. A key written twice in one write (`bulkPut` of the same id twice,
 * `bulkDelete` of one key twice) replaces, the second time, what the first time wrote, not what
 * the store held before: IndexedDB applies a batch's requests in order
 * (https://w3c.github.io/IndexedDB/#transaction-concept).
 */
function deltasOf(table: DBCoreTable, name: CountedTable, request: DBCoreMutateRequest, before: unknown[], failures: DBCoreMutateResponse['failures']): Deltas {
  const deltas: Deltas = { accounts: new Map(), collections: new Map() };
  const add = (record: unknown, by: number) => {
    if (record === undefined || record === null) return;
    const counted = record as CountedRecord;
    addToDeltas(deltas.accounts, counted.accountId, bucketOf(name, counted), by);
    if (name === 'items' && counted.collectionId !== undefined) addToCollection(deltas.collections, { collectionId: counted.collectionId, live: counted.live }, by);
  };
  if (request.type === 'deleteRange') {
    for (const old of before) add(old, -1);
    return deltas;
  }
  const holds = new Map<unknown, unknown>();
  keysOfWrite(table, request).forEach((key, index) => {
    if (failures[index] !== undefined) return;
    add(holds.has(key) ? holds.get(key) : before[index], -1);
    const written: unknown = request.type === 'delete' ? undefined : request.values[index];
    add(written, 1);
    holds.set(key, written);
  });
  return deltas;
}

/** The rows of `keys`, by key (`undefined` where none), as the transaction holds them. */
type Rows<T> = Map<string, T | undefined>;

async function rowsOf<T>(table: DBCoreTable, trans: DBCoreTransaction, keys: string[]): Promise<Rows<T>> {
  if (keys.length === 0) return new Map();
  const rows = (await table.getMany({ trans, keys })) as Array<T | undefined>;
  return new Map(keys.map((key, index) => [key, rows[index]]));
}

/** The counters' and the collection counts' rows a write's deltas may move. */
interface CountRows {
  accounts: Rows<CounterRecord>;
  collections: Rows<CollectionCountRecord>;
}

function readRows(down: DBCore, trans: DBCoreTransaction, deltas: Deltas): Promise<CountRows> {
  const collections = keepsStore(trans, COLLECTION_COUNTS_TABLE) ? [...deltas.collections.keys()] : [];
  // Both stores' reads are asked at once: IndexedDB answers a transaction's requests in order,
  // so the second read does not wait for a round trip of the first.
  return Promise.all([
    rowsOf<CounterRecord>(down.table(COUNTERS_TABLE), trans, [...deltas.accounts.keys()]),
    rowsOf<CollectionCountRecord>(down.table(COLLECTION_COUNTS_TABLE), trans, collections),
  ]).then(([accounts, collections]) => ({ accounts, collections }));
}

async function applyCollectionDeltas(table: DBCoreTable, trans: DBCoreTransaction, deltas: CollectionDeltas, rows: Rows<CollectionCountRecord>): Promise<void> {
  if (deltas.size === 0 || !keepsStore(trans, COLLECTION_COUNTS_TABLE)) return;
  const { puts, emptied } = collectionRowsAfter(deltas, [...deltas.keys()].map((collectionId) => rows.get(collectionId)));
  if (puts.length > 0) await table.mutate({ type: 'put', trans, values: puts });
  if (emptied.length > 0) await table.mutate({ type: 'delete', trans, keys: emptied });
}

async function applyDeltas(counters: DBCoreTable, trans: DBCoreTransaction, deltas: CounterDeltas, rows: Rows<CounterRecord>): Promise<void> {
  const accountIds = [...deltas.keys()];
  if (accountIds.length === 0) return;
  const puts: CounterRecord[] = [];
  const emptied: string[] = [];
  accountIds.forEach((accountId) => {
    const counts = { ...(rows.get(accountId)?.counts ?? {}) };
    for (const [bucket, by] of deltas.get(accountId)!) {
      const total = (counts[bucket] ?? 0) + by;
      if (total === 0) delete counts[bucket];
      else counts[bucket] = total;
    }
    if (Object.keys(counts).length === 0) emptied.push(accountId);
    else puts.push({ accountId, counts });
  });
  if (puts.length > 0) await counters.mutate({ type: 'put', trans, values: puts });
  if (emptied.length > 0) await counters.mutate({ type: 'delete', trans, keys: emptied });
}

export const countersMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'counters',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some(isCounted)) return down.transaction(stores, mode, options);
        const kept = stores.includes('items') ? [COUNTERS_TABLE, COLLECTION_COUNTS_TABLE] : [COUNTERS_TABLE];
        return down.transaction([...stores, ...kept.filter((store) => !stores.includes(store))], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isCounted(name)) return table;
        const reading = (trans: DBCoreTransaction) => counts(trans) && (trans as unknown as IDBTransaction).mode === 'readwrite';
        return {
          ...table,
          // `.then` on Dexie's own promise, not an async function: a caller above that awaits
          // the read keeps Dexie's zone (https://dexie.org/docs/Promise/Promise), which the
          // hooks below need for the write that follows.
          get(request: DBCoreGetRequest) {
            return table.get(request).then((record: unknown) => {
              if (reading(request.trans)) remember(request.trans, name, [request.key], [record]);
              return record;
            });
          },
          getMany(request: DBCoreGetManyRequest) {
            return table.getMany(request).then((records: unknown[]) => {
              if (reading(request.trans)) remember(request.trans, name, request.keys, records);
              return records;
            });
          },
          mutate(request: DBCoreMutateRequest) {
            if (!counts(request.trans)) return table.mutate(request);
            return inOrder(request.trans, async () => {
              const before = knownReplaced(table, name, request) ?? (await replacedRecords(table, name, request));
              // The count rows the write may move are read beside it, not after it (IndexedDB
              // answers a transaction's requests in order): the keys a write that fails in part
              // moves are among those of the write as asked.
              const asked = deltasOf(table, name, request, before, {});
              const [rows, response] = await Promise.all([readRows(down, request.trans, asked), table.mutate(request)]);
              rememberWrite(table, name, request, response);
              const deltas = response.numFailures === 0 ? asked : deltasOf(table, name, request, before, response.failures);
              await Promise.all([
                applyDeltas(down.table(COUNTERS_TABLE), request.trans, deltas.accounts, rows.accounts),
                applyCollectionDeltas(down.table(COLLECTION_COUNTS_TABLE), request.trans, deltas.collections, rows.collections),
              ]);
              return response;
            });
          },
        };
      },
    };
  },
};
