// One sync run of one account: list collections, then for each collection the person wants
// mirrored, list changes, plan, fetch in batches and write. The cursor of a collection is
// saved only after all of its items are stored, so a worker stopped mid-run simply repeats
// the listing next time (writes are keyed by href and compare ETags: no duplicates, no gaps).
import type { AlarmRecord } from '../model/alarm';
import type { RunError, UnreadableItemRef } from '../model/run';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import { reconcileCollections } from '../db/collections';
import { beginRun } from './run/account-run';
import type { RemoteCollection } from '../model/source';
import { syncCollection, type CollectionTally } from './sync-collection';
import { describeError, endsTheRun } from './describe-error';
import { DEFAULT_SETTINGS } from '../db/settings';
import type { ProgressReporter } from './progress-reporter';
import type { SyncDeps } from './sync-deps';
import type { RunSummary } from '../model/run-summary';

export async function syncAccount(deps: SyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now } = deps;
  const run = await beginRun({ db, account, now, progressIntervalMs: deps.progressIntervalMs, credentialsRejected: deps.credentialsRejected });
  const { startedAt, errors, unreadable, limited, alarms } = run;
  // The run's own counts, with the fetch totals the progress line needs beside them.
  const tally: CollectionTally = Object.assign(run.counts, { fetched: 0, toFetch: 0 });
  try {
    // The listing carries each collection's current token and ctag: the source compares them
    // with the mirror's cursor, so an unchanged collection costs no further request.
    const remotes = await deps.source.listCollections();
    const { current, alarms: goneAlarms } = await reconcileCollections(db, account.id, remotes, now(), startedAt - 1);
    alarms.push(...goneAlarms);
    // Address books first, then calendars: the phases the progress line names, in that order.
    const enabled = current.map((collection, index) => ({ collection, remote: remotes[index]! })).filter(({ collection }) => collection.enabled);
    enabled.sort((a, b) => PHASE_ORDER[a.collection.kind] - PHASE_ORDER[b.collection.kind]);
    const progress = run.progress;
    for (const [index, { collection, remote }] of enabled.entries()) {
      const step = { phase: collection.kind, collectionsListed: index + 1, collections: enabled.length };
      await syncOneCollection(deps, account, collection, remote, startedAt, tally, { errors, unreadable, limited, alarms, progress, step });
    }
  } catch (error) {
    return run.fail(error);
  }
  return run.finish();
}

const PHASE_ORDER: Record<CollectionRecord['kind'], number> = { addressbook: 0, calendar: 1 };

/** Where a collection's run reports: the run's lists, and the account's progress line. */
interface CollectionReport {
  errors: RunError[];
  unreadable: UnreadableItemRef[];
  limited: UnreadableItemRef[];
  alarms: AlarmRecord[];
  progress: ProgressReporter;
  step: { phase: CollectionRecord['kind']; collectionsListed: number; collections: number };
}

/** A failure in one collection is recorded and the others still sync. */
async function syncOneCollection(
  deps: SyncDeps,
  account: AccountRecord,
  collection: CollectionRecord,
  remote: RemoteCollection,
  startedAt: number,
  tally: CollectionTally,
  report: CollectionReport,
): Promise<void> {
  const { errors, unreadable, limited, alarms, progress, step } = report;
  try {
    const alarm = await syncCollection(
      deps,
      collection,
      remote,
      deps.settings ?? DEFAULT_SETTINGS,
      tally,
      errors,
      (counts) => progress.update({ ...counts, ...step }),
      startedAt,
      unreadable,
      limited,
    );
    if (alarm) alarms.push(alarm);
  } catch (error) {
    if (endsTheRun(error)) throw error;
    errors.push({ href: collection.href, message: `${collection.displayName}: ${describeError(error)}` });
  }
}
