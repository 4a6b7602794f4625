// What the pages show of each account, made from a few small records (db/summary-records.ts):
// its counters record (kept in the transaction of every write), its collections and its last
// run, so that opening the popup costs the same with 20 items or 20,000. Pure, so the popup's
// first script can use it without the data layer.
import type { AlarmRecord } from '../model/alarm';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import type { SummaryRecords } from '../db/summary-records';
import { countOf } from '../model/counter';
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

export function summarizeAccounts(records: SummaryRecords): AccountSummary[] {
  const kinds = new Map(records.collections.map((c) => [c.id, c.kind]));
  const counters = new Map(records.counters.map((c) => [c.accountId, c.counts]));
  const lastRuns = new Map(records.lastRuns.map((r) => [r.accountId, r]));
  return records.accounts.map((account) => {
    const counts = counters.get(account.id) ?? {};
    // A handful of records per account: what it lacks and what it keeps unread, without scanning items.
    const collections = uniqueById(records.collections.filter((c) => c.accountId === account.id));
    const hrefs = new Set(collections.map((c) => c.href));
    const missedErrors = (lastRuns.get(account.id)?.errors ?? []).filter((e) => e.href !== null && hrefs.has(e.href));
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
      alarms: records.openAlarms
        .filter((a) => a.accountId === account.id)
        .map((a) => ({ ...a, collectionKind: kinds.get(a.collectionId) ?? (a.collectionId === photoCollectionId(a.accountId) ? 'photos' : 'addressbook') })),
    };
  });
}

/** An alarmed collection of the account is among the records twice. */
function uniqueById(collections: CollectionRecord[]): CollectionRecord[] {
  return [...new Map(collections.map((c) => [c.id, c])).values()];
}
