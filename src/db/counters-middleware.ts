// Keeps the `counters` table equal to what the items and photos tables hold, in the same
// transaction as every write to them, whichever module writes (the sync engine, a deletion, a
// restored version, an import, a photo run, an account's removal). Dexie DBCore middleware
// (https://dexie.org/docs/Dexie/Dexie.use()): every read-write transaction over a counted
// table also takes the counters' store, and each write reads the records it replaces first,
// so the counts move by exactly what changed. The counts of the writes of one transaction are
// applied one write after the other (a chain per transaction), never read twice at once.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { keepsStore, stepsInOrder, tablesWithMutate } from './mutate-wrapper';
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

export async function replaced(table: DBCoreTable, request: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      const keys: unknown[] = request.keys ?? request.values.map((value) => table.schema.primaryKey.extractKey!(value) as unknown);
      return table.getMany({ trans, keys });
    }
    case 'delete':
      return table.getMany({ trans, keys: request.keys });
    case 'deleteRange':
      return (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: request.range } })).result as unknown[];
  }
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
      table: tablesWithMutate(down, isCounted, (request, table, name) => {
        if (!counts(request.trans)) return table.mutate(request);
        return inOrder(request.trans, async () => {
          const before = await replaced(table, request);
          const response = await table.mutate(request);
          await applyDeltas(down.table(COUNTERS_TABLE), request.trans, deltasOf(name as CountedTable, request, before, response));
          return response;
        });
      }),
    };
  },
};
