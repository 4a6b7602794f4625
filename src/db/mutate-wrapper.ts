// The part every write-watching middleware shares: the tables it watches get a `mutate` of its
// own, the others pass through untouched.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';

export type Mutate = (request: DBCoreMutateRequest, table: DBCoreTable, name: string) => Promise<DBCoreMutateResponse>;

export function tablesWithMutate(down: DBCore, watched: (name: string) => boolean, mutate: Mutate): DBCore['table'] {
  return (name) => {
    const table = down.table(name);
    if (!watched(name)) return table;
    return { ...table, mutate: (request: DBCoreMutateRequest) => mutate(request, table, name) };
  };
}

/**
 * Runs a middleware's steps one after the other within each transaction (a chain per
 * transaction): each reads records and writes them back, never twice at once. Each middleware
 * keeps its own chain: one wrapping another's writes would otherwise wait for itself.
 */
export function stepsInOrder(): <T>(trans: DBCoreTransaction, step: () => Promise<T>) => Promise<T> {
  const chains = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  return (trans, step) => {
    const next = (chains.get(trans) ?? Promise.resolve()).then(step, step);
    chains.set(trans, next.catch(() => undefined));
    return next;
  };
}

/** A write outside the upgrade transaction, with `store` in the schema (the upgrade seeds its own). */
export function keepsStore(trans: DBCoreTransaction, store: string): boolean {
  const idb = trans as unknown as IDBTransaction;
  return idb.mode !== 'versionchange' && idb.objectStoreNames.contains(store);
}

/** The primary keys a write touches, one per value or key, in order. */
export function keysOfWrite(table: DBCoreTable, request: DBCoreMutateRequest & { type: 'add' | 'put' | 'delete' }): unknown[] {
  if (request.type === 'delete') return request.keys;
  return request.keys ?? request.values.map((value) => table.schema.primaryKey.extractKey!(value) as unknown);
}

/**
 * Every record a write replaces, read whole from the store (what a middleware compares). Not an
 * async function: it hands back Dexie's own promise, so a middleware that awaits it keeps Dexie's
 * zone (https://dexie.org/docs/Promise/Promise), which the hooks below need for the write.
 */
export function recordsReplaced(table: DBCoreTable, request: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = request;
  if (request.type === 'deleteRange') {
    return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: request.range } }).then((answer) => answer.result as unknown[]);
  }
  return table.getMany({ trans, keys: keysOfWrite(table, request) });
}
