// The popup's first read, straight from IndexedDB: the records of summary-records.ts without
// waiting for Dexie to be fetched and run (about 20 ms of the popup's "counts shown"), started
// as the popup's first script runs. It reads the stores and indexes schema.ts declares at
// SCHEMA_VERSION, all in one read-only transaction. At any other version (an update whose
// migration the worker has not run yet), with no database, or on any failure it answers null and
// the popup reads through Dexie as every other page does. Records are read as Dexie stored them:
// no middleware of schema.ts changes a record on its way out.
// test/unit/summary-records-direct.test.ts holds it to readSummaryRecords.
import type { SummaryRecords } from './summary-records';
import type { AccountRecord } from '../model/account';
import type { AlarmRecord } from '../model/alarm';
import type { CollectionRecord } from '../model/collection';
import type { CounterRecord } from '../model/counter';
import type { RunRecord } from '../model/run';
import { DB_NAME, SCHEMA_VERSION } from './layout-version';

const STORES = ['accounts', 'alarms', 'collections', 'counters', 'runs'];

export async function readSummaryRecordsDirectly(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<SummaryRecords | null> {
  const db = await openExisting(factory, name);
  if (!db) return null;
  try {
    if (Math.ceil(db.version / 10) !== SCHEMA_VERSION) return null;
    return await readRecords(db);
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** The database if it exists. Opening a name that has none would create it empty, at version 1, for Dexie to upgrade from: that creation is aborted. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // A worker upgrading the layout waits for every connection to close: this one gives way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}

function readRecords(db: IDBDatabase): Promise<SummaryRecords> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORES, 'readonly');
    const records: SummaryRecords = { accounts: [], openAlarms: [], collections: [], counters: [], lastRuns: [] };
    tx.oncomplete = () => resolve(records);
    tx.onabort = () => reject(tx.error ?? new Error('The read was aborted'));
    // As listAccounts: oldest first by the createdAt index, detached accounts left out.
    answer<AccountRecord[]>(tx.objectStore('accounts').index('createdAt').getAll(), (accounts) => {
      records.accounts = accounts.filter((account) => !account.detached);
      const runs = tx.objectStore('runs').index('[accountId+startedAt]');
      for (const account of records.accounts) {
        // As recentRuns(…, 1): the latest start of the account's runs.
        answer<IDBCursorWithValue | null>(runs.openCursor(IDBKeyRange.bound([account.id, 0], [account.id, Infinity], false, true), 'prev'), (cursor) => {
          if (cursor) records.lastRuns.push(cursor.value as RunRecord);
        });
      }
    });
    answer<AlarmRecord[]>(tx.objectStore('alarms').index('open').getAll(1), (alarms) => (records.openAlarms = alarms));
    // Every collection: a few per account, and the kinds of those the alarms name among them.
    answer<CollectionRecord[]>(tx.objectStore('collections').getAll(), (collections) => (records.collections = collections));
    answer<CounterRecord[]>(tx.objectStore('counters').getAll(), (counters) => (records.counters = counters));
  });
}

function answer<T>(request: IDBRequest, take: (result: T) => void): void {
  request.onsuccess = () => take(request.result as T);
}
