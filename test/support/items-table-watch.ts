// A Dexie DBCore middleware (https://dexie.org/docs/Dexie/Dexie.use()) that wraps the items
// table alone: what tests use to see which reads or counts a sync makes of the mirror.
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

export function itemsTableWatch(name: string, wrap: (table: DBCoreTable) => DBCoreTable): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        return tableName === 'items' ? wrap(table) : table;
      },
    }),
  };
}
