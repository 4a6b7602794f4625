// The accounts with their counts, for the popup and the options page, kept current without
// re-counting the mirror after every batch a running mirror writes. A live query around
// accountSummaries() would do exactly that: it reads the items' count index, so each item
// written re-runs every count. Instead the live query watches the small rows a run changes as
// it goes (the account: its status and progress, written at most four times a second; its
// collections; the alarms; its runs), and the summaries are read once at open and again when
// those change, at most once per RECOUNT_INTERVAL_MS (coalesced-read.ts).
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { openDb, type LifeboatDb } from '../db/schema';
import { accountSummaries, type AccountSummary } from './account-summaries';
import { coalescedRead } from './coalesced-read';

/** How stale a count may be while a mirror runs; its end is shown within this too. */
export const RECOUNT_INTERVAL_MS = 1_000;

/** The first read, started by a page before it renders (the popup, as its chunk arrives). */
export function readAccountSummaries(): Promise<AccountSummary[]> {
  return accountSummaries(openDb());
}

/** `first`: a read already under way (readAccountSummaries), taken as the first one. */
export function useAccountSummaries(first?: Promise<AccountSummary[]>): AccountSummary[] | undefined {
  const [summaries, setSummaries] = useState<AccountSummary[] | undefined>(undefined);
  useEffect(() => {
    const db = openDb();
    let started = first ?? null;
    const reader = coalescedRead(() => {
      const read = started ?? accountSummaries(db);
      started = null;
      return read.then(setSummaries);
    }, RECOUNT_INTERVAL_MS);
    // The first read starts at once, not after the watched rows' first answer.
    reader.request();
    let firstAnswer = true;
    const subscription = liveQuery(() => accountRows(db)).subscribe({
      next: () => {
        // Its first answer is the state the read above started from.
        if (firstAnswer) firstAnswer = false;
        else reader.request();
      },
      error: (error: unknown) => console.error('Lifeboat: a live query failed', error),
    });
    return () => {
      subscription.unsubscribe();
      reader.stop();
    };
  }, []); // `first` is taken once, at the first render
  return summaries;
}

/** The small rows whose change means the counts may have changed: none of them is an item. */
async function accountRows(db: LifeboatDb): Promise<unknown> {
  return Promise.all([db.accounts.toArray(), db.collections.toArray(), db.alarms.where('open').equals(1).toArray(), db.runs.orderBy(':id').last()]);
}
