// One sync run of one account: list collections, then for each collection the person wants
// mirrored, list changes, plan, fetch in batches and write. The cursor of a collection is
// saved only after all of its items are stored, so a worker stopped mid-run simply repeats
// the listing next time (writes are keyed by href and compare ETags: no duplicates, no gaps).
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord, AlarmRecord, CollectionRecord, RunError, RunRecord, Settings } from '../db/records';
import { updateAccount } from '../db/accounts';
import { reconcileCollections } from '../db/collections';
import { startRun } from '../db/runs';
import { finishAccountRun } from './finish-run';
import type { RemoteCollection, Source } from '../sources/source';
import type { Readers } from './item-reader';
import { syncCollection, type CollectionTally } from './sync-collection';
import { describeError, endsTheRun } from './describe-error';
import { DEFAULT_SETTINGS } from '../db/settings';

export interface SyncDeps {
  db: LifeboatDb;
  source: Source;
  readers: Readers;
  now: () => number;
  settings?: Settings;
  batchSize?: number;
  /** What refused credentials make of the account: a new password, or signing in again. */
  credentialsRejected?: 'needs-password' | 'needs-sign-in';
}

export type RunSummary = Omit<RunRecord, 'id' | 'accountId' | 'startedAt'> & { alarms: AlarmRecord[] };

export async function syncAccount(deps: SyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now } = deps;
  const startedAt = now();
  const runId = await startRun(db, account.id, startedAt);
  await updateAccount(db, account.id, { status: 'syncing', progress: { done: 0, total: 0 } });

  const tally: CollectionTally = { added: 0, changed: 0, deletedUpstream: 0, unchanged: 0, fetched: 0, toFetch: 0 };
  const errors: RunError[] = [];
  const alarms: AlarmRecord[] = [];
  let accountError: unknown = null;
  try {
    // The listing carries each collection's current token and ctag: the source compares them
    // with the mirror's cursor, so an unchanged collection costs no further request.
    const remotes = await deps.source.listCollections();
    const reconciled = await reconcileCollections(db, account.id, remotes, now(), startedAt - 1);
    alarms.push(...reconciled.alarms);
    const { current } = reconciled;
    for (const [index, collection] of current.entries()) {
      if (!collection.enabled) continue;
      await syncOneCollection(deps, account, collection, remotes[index]!, startedAt, tally, errors, alarms);
    }
  } catch (error) {
    accountError = error;
    errors.push({ href: null, message: describeError(error) });
  }

  const summary = await finishAccountRun(db, account, runId, tally, errors, accountError, now(), deps.credentialsRejected);
  return { ...summary, alarms };
}

/** A failure in one collection is recorded and the others still sync. */
async function syncOneCollection(
  deps: SyncDeps,
  account: AccountRecord,
  collection: CollectionRecord,
  remote: RemoteCollection,
  startedAt: number,
  tally: CollectionTally,
  errors: RunError[],
  alarms: AlarmRecord[],
): Promise<void> {
  try {
    const alarm = await syncCollection(
      deps,
      collection,
      remote,
      deps.settings ?? DEFAULT_SETTINGS,
      tally,
      errors,
      (progress) => updateAccount(deps.db, account.id, { progress }),
      startedAt,
    );
    if (alarm) alarms.push(alarm);
  } catch (error) {
    if (endsTheRun(error)) throw error;
    errors.push({ href: collection.href, message: `${collection.displayName}: ${describeError(error)}` });
  }
}
