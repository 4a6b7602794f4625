// The only place that knows the IndexedDB layout. Every change to it is a new
// `version(n)` with its own upgrade, never an edit of an old one (Dexie versioning:
// https://dexie.org/docs/Tutorial/Design#database-versioning).
import { Dexie, type EntityTable } from 'dexie';
import type { AccountRecord, CollectionRecord, ItemRecord, RunRecord, VersionRecord } from './records';

export const DB_NAME = 'lifeboat';

export class LifeboatDb extends Dexie {
  accounts!: EntityTable<AccountRecord, 'id'>;
  collections!: EntityTable<CollectionRecord, 'id'>;
  items!: EntityTable<ItemRecord, 'id'>;
  versions!: EntityTable<VersionRecord, 'id'>;
  runs!: EntityTable<RunRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      accounts: 'id',
      collections: 'id, accountId',
      // [accountId+kind+live] lets the popup count live contacts from the index alone.
      items: 'id, collectionId, accountId, [accountId+kind+live], [collectionId+live], uid',
      versions: '++id, itemId, replacedAt',
      runs: '++id, accountId, [accountId+startedAt]',
    });
  }
}

let shared: LifeboatDb | null = null;

/** The extension's database; one instance per page or worker. */
export function openDb(): LifeboatDb {
  shared ??= new LifeboatDb();
  return shared;
}
