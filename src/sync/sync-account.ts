// One sync run of one account: list collections, then for each collection list changes,
// plan, fetch in batches and write. The cursor of a collection is saved only after all of
// its items are stored, so a worker stopped mid-run simply repeats the listing next time
// (writes are keyed by href and compare ETags: no duplicates, no gaps).
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord, CollectionRecord, RunError, RunRecord } from '../db/records';
import { updateAccount } from '../db/accounts';
import { reconcileCollections } from '../db/collections';
import { startRun, finishRun } from '../db/runs';
import type { RemoteCollection, Source } from '../sources/source';
import type { ItemReader } from './item-reader';
import { syncCollection, type CollectionTally } from './sync-collection';
import { describeError } from './describe-error';

export interface SyncDeps {
  db: LifeboatDb;
  source: Source;
  reader: ItemReader;
  now: () => number;
  batchSize?: number;
}

export type RunSummary = Omit<RunRecord, 'id' | 'accountId' | 'startedAt'>;

export async function syncAccount(deps: SyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now } = deps;
  const runId = await startRun(db, account.id, now());
  await updateAccount(db, account.id, { status: 'syncing', progress: { done: 0, total: 0 } });

  const tally: CollectionTally = { added: 0, changed: 0, deletedUpstream: 0, unchanged: 0, fetched: 0, toFetch: 0 };
  const errors: RunError[] = [];
  let accountError: string | null = null;
  try {
    // The listing carries each collection's current token and ctag: the source compares them
    // with the mirror's cursor, so an unchanged collection costs no further request.
    const remotes = await deps.source.listCollections();
    const collections = await reconcileCollections(db, account.id, remotes, now());
    for (const [index, collection] of collections.entries()) {
      await syncOneCollection(deps, account, collection, remotes[index]!, tally, errors);
    }
  } catch (error) {
    accountError = describeError(error);
    errors.push({ href: null, message: accountError });
  }

  const outcome = accountError ? 'failed' : errors.length > 0 ? 'partial' : 'ok';
  const summary: RunSummary = {
    finishedAt: now(),
    outcome,
    added: tally.added,
    changed: tally.changed,
    deletedUpstream: tally.deletedUpstream,
    unchanged: tally.unchanged,
    errors,
  };
  await finishRun(db, runId, summary);
  await updateAccount(db, account.id, {
    status: accountError ? 'error' : 'idle',
    lastError: accountError,
    progress: null,
    ...(accountError ? {} : { lastSuccessAt: summary.finishedAt }),
  });
  return summary;
}

/** A failure in one collection is recorded and the others still sync. */
async function syncOneCollection(
  deps: SyncDeps,
  account: AccountRecord,
  collection: CollectionRecord,
  remote: RemoteCollection,
  tally: CollectionTally,
  errors: RunError[],
): Promise<void> {
  try {
    await syncCollection(deps, collection, remote, tally, errors, (progress) =>
      updateAccount(deps.db, account.id, { progress }),
    );
  } catch (error) {
    errors.push({ href: collection.href, message: `${collection.displayName}: ${describeError(error)}` });
  }
}
