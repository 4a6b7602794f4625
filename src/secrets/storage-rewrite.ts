// Rewrites the whole of storage.local, so that what it held before leaves the disk.
//
// Why: Chromium keeps storage.local in a LevelDB database, which never overwrites in place: a
// value replaced or removed stays in its log or tables until a compaction, which a database this
// small may not see for months. A password sealed when the lock goes on would so stay readable
// in the profile's files. storage.local.clear() deletes the database's files (Chromium's value
// store deletes the folder and starts a new database), so sealing writes the new contents into
// a fresh one: clear(), then set(). The end-to-end test passphrase-lock.test.ts searches every
// file of the profile to prove it.
//
// Between clear() and set() storage.local is empty; a worker stopped, or a browser that crashed,
// right then would lose it. So the new contents (sealed secrets and non-secret settings only,
// never a secret in clear) are first written to a journal in IndexedDB; every read of a secret
// waits until a journal left behind has been written back.
import Dexie, { type Table } from 'dexie';
import { browser } from '../shared/browser';

interface JournalRow {
  id: 'contents';
  contents: Record<string, unknown>;
}

class RewriteJournal extends Dexie {
  rows!: Table<JournalRow, string>;
  constructor() {
    super('lifeboat-storage-rewrite');
    this.version(1).stores({ rows: 'id' });
  }
}

let journal: RewriteJournal | null = null;
const openJournal = (): RewriteJournal => (journal ??= new RewriteJournal());

// Writes of secrets and the rewrite take turns: a secret saved between the rewrite's reading of
// everything and its clear() (a token renewed by a run at that moment) would otherwise be lost.
let tail: Promise<unknown> = Promise.resolve();
export function withStorageTurn<T>(task: () => Promise<T>): Promise<T> {
  const next = tail.then(task, task);
  tail = next.catch(() => undefined);
  return next;
}

/** Replaces everything in storage.local by what `build` makes of it, leaving nothing of the old on disk. */
export async function rewriteLocalStorage(build: (current: Record<string, unknown>) => Promise<Record<string, unknown>>): Promise<void> {
  await rewriteFinished();
  await withStorageTurn(async () => {
    const contents = await build(await browser.storage.local.get(null));
    await openJournal().rows.put({ id: 'contents', contents });
    try {
      await browser.storage.local.clear();
      await browser.storage.local.set(contents);
    } catch (error) {
      // The next read finishes the rewrite from the journal.
      restored = null;
      throw error;
    }
    await openJournal().rows.delete('contents');
  });
}

async function restoreFromJournal(): Promise<void> {
  const row = await openJournal().rows.get('contents');
  if (!row) return;
  // Cut short before or after the clear: either way, the same two steps give the intended contents.
  await browser.storage.local.clear();
  await browser.storage.local.set(row.contents);
  await openJournal().rows.delete('contents');
}

let restored: Promise<void> | null = null;

/** Resolves once a rewrite cut short (by a stopped worker) has been completed from its journal. */
export function rewriteFinished(): Promise<void> {
  restored ??= restoreFromJournal().catch((error: unknown) => {
    restored = null;
    throw error;
  });
  return restored;
}

/** For tests: the next call looks at the journal again, as a new worker would. */
export function forgetRewriteCheck(): void {
  restored = null;
}

/** For tests: a fresh start, with no journal. */
export async function discardJournal(): Promise<void> {
  await openJournal().rows.clear();
  restored = null;
}
