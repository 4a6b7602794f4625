// The part every write-watching middleware shares: the tables it watches get a `mutate` of its
// own, the others pass through untouched.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';

export type Mutate = (request: DBCoreMutateRequest, table: DBCoreTable, name: string) => Promise<DBCoreMutateResponse>;

export function tablesWithMutate(down: DBCore, watched: (name: string) => boolean, mutate: Mutate): DBCore['table'] {
  return (name) => {
    const table = down.table(name);
    if (!watched(name)) return table;
    return { ...table, mutate: (request: DBCoreMutateRequest) => mutate(request, table, name) };
  };
}
