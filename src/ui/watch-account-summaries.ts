// The accounts with their counts, kept current without re-counting the mirror after every
// batch a running mirror writes. A live query around accountSummaries() would do exactly that:
// it reads the items' count index, so each item written re-runs every count. Instead a live
// query watches the accounts' rows (status and progress, written at most four times a second)
// and Dexie's change notices name the other small rows a run changes as it goes (the
// per-account counters, one row moved by each batch; its collections; the open alarms; the
// runs), and the summaries are read once at the
// start and again when those change, at most once per interval (coalesced-read.ts), except
// when an account's status changes (a run starting or ending): that is read at once, so the end
// of a first mirror shows the moment it is stored, not up to an interval later.
import { liveQuery } from 'dexie';
import type { LifeboatDb } from '../db/schema';
import { accountSummaries } from './account-summaries';
import type { AccountSummary } from './summarize-accounts';
import { coalescedRead } from '../shared/coalesced-read';
import { onTablesChanged } from '../db/table-changes';
import type { AccountRecord } from '../model/account';

/** The small rows besides the accounts' whose change means the counts may have changed: none of them is an item. */
const WATCHED_TABLES = ['counters', 'collections', 'alarms', 'runs'] as const;

/** How stale a count may be while a mirror runs; its end is shown within this too. */
export const RECOUNT_INTERVAL_MS = 1_000;

export interface WatchOptions {
  /** A read already under way (the popup starts one before it renders), taken as the first; null: it could not read, the watch reads instead. */
  first?: Promise<AccountSummary[] | null>;
  intervalMs?: number;
}

/** Calls `show` with the summaries now and after each change of the small rows; returns the stop. */
export function watchAccountSummaries(db: LifeboatDb, show: (summaries: AccountSummary[]) => void, { first, intervalMs = RECOUNT_INTERVAL_MS }: WatchOptions = {}): () => void {
  let started = first ?? null;
  const reader = coalescedRead(() => {
    const read = started ? started.then((summaries) => summaries ?? accountSummaries(db)) : accountSummaries(db);
    started = null;
    return read.then(show);
  }, intervalMs);
  // The first read starts at once, not after the watched rows' first answer.
  reader.request();
  let statuses: string | null = null;
  // The accounts' own rows by a live query: their statuses decide when to read at once.
  const subscription = liveQuery(() => db.accounts.toArray()).subscribe({
    // Even the first answer asks for a read: the rows may have changed between the read above
    // and this answer (a run ending just as the page opens), and ignoring it would leave the page
    // showing the older state until the next change. The read is coalesced, and cheap.
    next: (accounts) => {
      const now = statusesOf(accounts);
      reader.request(statuses !== null && now !== statuses);
      statuses = now;
    },
    error: (error: unknown) => console.error('Lifeboat: a live query failed', error),
  });
  // The other small rows by the database's change notices alone: a mirror moves a counter with
  // every batch it commits, and a live query reading them again each time cost an open options
  // page about 1 ms of CPU per photo of a photo mirror, for a read made at most once an interval.
  const stopWatching = onTablesChanged(db, WATCHED_TABLES, () => reader.request());
  return () => {
    subscription.unsubscribe();
    stopWatching();
    reader.stop();
  };
}

/** Each account's status, as one comparable string. */
const statusesOf = (accounts: AccountRecord[]): string => accounts.map((a) => `${a.id} ${a.status}`).join('\n');

