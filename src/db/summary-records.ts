// The few small records a summary of the accounts is made from (ui/summarize-accounts.ts), read
// through Dexie. The popup's first read takes the same records straight from IndexedDB
// (summary-records-direct.ts) so that it need not wait for Dexie to load.
import type { LifeboatDb } from './schema';
import type { AccountRecord } from '../model/account';
import type { AlarmRecord } from '../model/alarm';
import type { CollectionRecord } from '../model/collection';
import type { CounterRecord } from '../model/counter';
import type { RunRecord } from '../model/run';
import { listAccounts } from './accounts';
import { openAlarms } from './alarms';
import { collectionsOf } from './collections';
import { recentRuns } from './runs';

export interface SummaryRecords {
  /** The accounts shown, oldest first; detached ones are left out. */
  accounts: AccountRecord[];
  /** The alarms still open, of any account. */
  openAlarms: AlarmRecord[];
  /** The accounts' collections, and those the open alarms name. */
  collections: CollectionRecord[];
  /** The counters record of each account that holds anything. */
  counters: CounterRecord[];
  /** Each account's most recent run, if it ever ran. */
  lastRuns: RunRecord[];
}

export async function readSummaryRecords(db: LifeboatDb): Promise<SummaryRecords> {
  const [accounts, alarms] = await Promise.all([listAccounts(db), openAlarms(db)]);
  const ids = accounts.map((a) => a.id);
  const [alarmed, counters, perAccount] = await Promise.all([
    db.collections.bulkGet(alarms.map((a) => a.collectionId)),
    db.counters.bulkGet(ids),
    Promise.all(ids.map((id) => Promise.all([collectionsOf(db, id), recentRuns(db, id, 1)]))),
  ]);
  return {
    accounts,
    openAlarms: alarms,
    collections: [...perAccount.flatMap(([collections]) => collections), ...alarmed.filter((c) => c !== undefined)],
    counters: counters.filter((c) => c !== undefined),
    lastRuns: perAccount.flatMap(([, runs]) => runs),
  };
}
