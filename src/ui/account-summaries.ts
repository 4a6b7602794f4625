// What the pages show of each account, from its counters record (one small read, kept in the
// transaction of every write), so that opening the popup costs the same with 20 items or 20,000.
import type { LifeboatDb } from '../db/schema';
import type { AlarmRecord } from '../model/alarm';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import { listAccounts } from '../db/accounts';
import { countOf, readCounters } from '../db/counters';
import { openAlarms } from '../db/alarms';
import { collectionsOf } from '../db/collections';
import { recentRuns } from '../db/runs';
import { photoCollectionId } from '../model/wipe-mark';

export interface AlarmView extends AlarmRecord {
  /** What the alarm is about: an address book, a calendar, or a photo folder (which has no collection record). */
  collectionKind: CollectionRecord['kind'] | 'photos';
}

export interface AccountSummary {
  account: AccountRecord;
  contacts: number;
  events: number;
  tasks: number;
  photos: number;
  deletedUpstream: number;
  /** Items the server listed that the last runs could not get: fetched again on every run. */
  missing: number;
  /** Items kept exactly as served although they could not be read. */
  unreadable: number;
  /** Address books or calendars the last run could not copy (listing or fetch failed): tried again next run. */
  collectionsMissed: number;
  /** Why: the last run's words for each of those collections (a foreign host named, a refusal), once each. */
  missedReasons?: string[];
  alarms: AlarmView[];
}

export async function accountSummaries(db: LifeboatDb): Promise<AccountSummary[]> {
  const [accounts, alarms] = await Promise.all([listAccounts(db), openAlarms(db)]);
  const [kinds, counters] = await Promise.all([
    db.collections.bulkGet(alarms.map((a) => a.collectionId)).then((found) => new Map(found.map((c) => [c?.id, c?.kind]))),
    readCounters(
      db,
      accounts.map((a) => a.id),
    ),
  ]);
  return Promise.all(
    accounts.map(async (account, index) => {
      const counts = counters[index] ?? {};
      const [collections, [lastRun]] = await Promise.all([
        // A handful of records per account: what it lacks and what it keeps unread, without scanning items.
        collectionsOf(db, account.id),
        recentRuns(db, account.id, 1),
      ]);
      const hrefs = new Set(collections.map((c) => c.href));
      const missedErrors = (lastRun?.errors ?? []).filter((e) => e.href !== null && hrefs.has(e.href));
      return {
        account,
        contacts: countOf(counts, 'contact:live'),
        events: countOf(counts, 'event:live'),
        tasks: countOf(counts, 'task:live'),
        photos: countOf(counts, 'photo:live'),
        deletedUpstream: countOf(counts, 'contact:deleted', 'event:deleted', 'photo:deleted'),
        missing: collections.reduce((sum, c) => sum + (c.enabled ? c.pendingHrefs.length : 0), 0),
        unreadable: collections.reduce((sum, c) => sum + (c.unreadableHrefs?.length ?? 0), 0),
        // A collection's failure is logged under its own href (sync/sync-account.ts).
        collectionsMissed: new Set(missedErrors.map((e) => e.href)).size,
        missedReasons: [...new Set(missedErrors.map((e) => e.message))],
        alarms: alarms
          .filter((a) => a.accountId === account.id)
          .map((a) => ({ ...a, collectionKind: kinds.get(a.collectionId) ?? (a.collectionId === photoCollectionId(a.accountId) ? 'photos' : 'addressbook') })),
      };
    }),
  );
}
