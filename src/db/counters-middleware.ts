// Keeps the `counters` table equal to what the items and photos tables hold, in the same
// transaction as every write to them, whichever module writes (the sync engine, a deletion, a
// restored version, an import, a photo run, an account's removal). Dexie DBCore middleware
// (https://dexie.org/docs/Dexie/Dexie.use()): every read-write transaction over a counted
// table also takes the counters' store, and each write reads the records it replaces first,
// so the counts move by exactly what changed: from what the transaction already read or wrote
// of them when it did (known-buckets.ts), else from the store. The counts of the writes of one transaction are
// applied one write after the other (a chain per transaction), never read twice at once.
import type { DBCore, DBCoreGetManyRequest, DBCoreGetRequest, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { forget, recall, remember } from './known-buckets';
import { keepsStore, keysOfWrite, recordsReplaced, stepsInOrder } from './mutate-wrapper';
import type { CounterRecord } from '../model/counter';
import { COUNTED_TABLES, addToDeltas, bucketOf, type CountedTable, type CounterDeltas } from './counter-buckets';

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

/**
 * What the write replaces, when the transaction knows all of it; else `undefined`. Synchronous
 * on purpose: the write must follow in the same Dexie zone (https://dexie.org/docs/Promise/Promise),
 * which an await on anything but a Dexie operation would leave.
 */
function knownReplaced(table: DBCoreTable, name: string, request: DBCoreMutateRequest): unknown[] | undefined {
  if (request.type === 'deleteRange') return undefined;
  const recalled = recall(request.trans, name, keysOfWrite(table, request));
  return recalled.includes(undefined) ? undefined : recalled.map((known) => known ?? undefined);
}

/** The records `keys` hold, read from the store where the transaction does not know them yet. */
async function replaced(table: DBCoreTable, name: string, request: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = request;
  if (request.type === 'deleteRange') return recordsReplaced(table, request);
  const keys = keysOfWrite(table, request);
  const recalled = recall(trans, name, keys);
  const read: unknown[] = await table.getMany({ trans, keys: keys.filter((_, index) => recalled[index] === undefined) });
  let next = 0;
  return recalled.map((known) => (known === undefined ? read[next++] : (known ?? undefined)));
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

function deltasOf(name: CountedTable, request: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse): CounterDeltas {
  const deltas: CounterDeltas = new Map();
  const failed = (index: number) => response.failures[index] !== undefined;
  before.forEach((old, index) => {
    if (old === undefined || (request.type !== 'deleteRange' && failed(index))) return;
    const record = old as CounterRecord & Parameters<typeof bucketOf>[1];
    addToDeltas(deltas, record.accountId, bucketOf(name, record), -1);
  });
  if (request.type === 'add' || request.type === 'put') {
    request.values.forEach((value, index) => {
      if (failed(index)) return;
      const record = value as Parameters<typeof bucketOf>[1];
      addToDeltas(deltas, record.accountId, bucketOf(name, record), 1);
    });
  }
  return deltas;
}

async function applyDeltas(counters: DBCoreTable, trans: DBCoreTransaction, deltas: CounterDeltas): Promise<void> {
  const accountIds = [...deltas.keys()];
  if (accountIds.length === 0) return;
  const rows = (await counters.getMany({ trans, keys: accountIds })) as Array<CounterRecord | undefined>;
  const puts: CounterRecord[] = [];
  const emptied: string[] = [];
  accountIds.forEach((accountId, index) => {
    const counts = { ...(rows[index]?.counts ?? {}) };
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
        const widen = mode === 'readwrite' && stores.some(isCounted) && !stores.includes(COUNTERS_TABLE);
        return down.transaction(widen ? [...stores, COUNTERS_TABLE] : stores, mode, options);
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
              const before = knownReplaced(table, name, request) ?? (await replaced(table, name, request));
              const response = await table.mutate(request);
              rememberWrite(table, name, request, response);
              await applyDeltas(down.table(COUNTERS_TABLE), request.trans, deltasOf(name, request, before, response));
              return response;
            });
          },
        };
      },
    };
  },
};
