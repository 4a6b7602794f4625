// What a contacts-and-calendars run is given: the database, the source, the readers and a
// clock, so the same engine runs in the worker, under a test and in a benchmark. Its own file so
// that sync-account.ts and sync-collection.ts both use it without importing each other.
import type { LifeboatDb } from '../db/schema';
import type { Settings } from '../model/settings';
import type { Source } from '../model/source';
import type { Readers } from '../model/item-reader';

export interface SyncDeps {
  db: LifeboatDb;
  source: Source;
  readers: Readers;
  now: () => number;
  settings?: Settings;
  /** A fixed number of items per fetch; unset, batches are sized by bytes (batch-sizer.ts). */
  batchSize?: number;
  /** Batches of one collection fetched at once (fetch-ahead.ts). */
  fetchDepth?: number;
  /** Bytes of multiget answers one run holds at once across its collections (answer-budget.ts). */
  answerBudgetBytes?: number;
  /** Collections of one account mirrored at once (sync-account.ts). */
  collectionsAtOnce?: number;
  /** Least time between two progress writes (tests set 0 to see every one). */
  progressIntervalMs?: number;
  /** What refused credentials make of the account: a new password, or signing in again. */
  credentialsRejected?: 'needs-password' | 'needs-sign-in';
}
