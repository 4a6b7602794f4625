// One sync run of one account: list collections, then for each collection the person wants
// mirrored, list changes, plan, fetch in batches and write. The cursor of a collection is
// saved only after all of its items are stored, so a worker stopped mid-run simply repeats
// the listing next time (writes are keyed by href and compare ETags: no duplicates, no gaps).
import type { AlarmRecord } from '../model/alarm';
import type { RunError, UnreadableItemRef } from '../model/run';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import { updateAccount } from '../db/accounts';
import { reconcileCollections } from '../db/collections';
import { startRun } from '../db/runs';
import { finishAccountRun } from './finish-run';
import type { RemoteCollection } from '../model/source';
import { syncCollection, type CollectionTally } from './sync-collection';
import { describeError, endsTheRun } from './describe-error';
import { DEFAULT_SETTINGS } from '../db/settings';
import { progressReporter, type ProgressReporter } from './progress-reporter';
import type { SyncDeps } from './sync-deps';
import { runBounded } from './run-bounded';
import type { RunSummary } from '../model/run-summary';

export async function syncAccount(deps: SyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now } = deps;
  const startedAt = now();
  const runId = await startRun(db, account.id, startedAt);
  await updateAccount(db, account.id, { status: 'syncing', progress: { done: 0, total: 0 } });

  const tally: CollectionTally = { added: 0, changed: 0, deletedUpstream: 0, unchanged: 0, fetched: 0, toFetch: 0 };
  const errors: RunError[] = [];
  const unreadable: UnreadableItemRef[] = [];
  const limited: UnreadableItemRef[] = [];
  const alarms: AlarmRecord[] = [];
  let accountError: unknown = null;
  try {
    // The listing carries each collection's current token and ctag: the source compares them
    // with the mirror's cursor, so an unchanged collection costs no further request.
    const remotes = await deps.source.listCollections();
    const { current, alarms: goneAlarms } = await reconcileCollections(db, account.id, remotes, now(), startedAt - 1);
    alarms.push(...goneAlarms);
    // Address books first, then calendars: the phases the progress line names, in that order.
    const enabled = current.map((collection, index) => ({ collection, remote: remotes[index]! })).filter(({ collection }) => collection.enabled);
    enabled.sort((a, b) => PHASE_ORDER[a.collection.kind] - PHASE_ORDER[b.collection.kind]);
    const progress = progressReporter({
      write: (p) => updateAccount(db, account.id, { progress: p }),
      ...(deps.progressIntervalMs !== undefined ? { minIntervalMs: deps.progressIntervalMs } : {}),
    });
    let latestStep: ProgressStep;
    // Each collection reports into its own lists, joined in collection order afterwards: the
    // run log reads the same whichever collection finished first.
    const reports = enabled.map(() => ({ errors: [] as RunError[], unreadable: [] as UnreadableItemRef[], limited: [] as UnreadableItemRef[], alarms: [] as AlarmRecord[] }));
    try {
      await runBounded(
        enabled,
        deps.collectionsAtOnce ?? COLLECTIONS_AT_ONCE,
        async ({ collection, remote }, index) => {
          // The progress line names the latest collection started: with collections side by
          // side, each naming its own would flip the phase back and forth on every write.
          latestStep = { phase: collection.kind, collectionsListed: index + 1, collections: enabled.length };
          await syncOneCollection(deps, account, collection, remote, startedAt, tally, { ...reports[index]!, progress, step: () => latestStep });
        },
        endsTheRun,
      );
    } finally {
      for (const report of reports) {
        errors.push(...report.errors);
        unreadable.push(...report.unreadable);
        limited.push(...report.limited);
        alarms.push(...report.alarms);
      }
    }
  } catch (error) {
    accountError = error;
    errors.push({ href: null, message: describeError(error) });
  }

  const summary = await finishAccountRun(db, account, runId, { ...tally, unreadable, limited }, errors, accountError, now(), deps.credentialsRejected);
  return { ...summary, alarms };
}

/**
 * Collections mirrored side by side. With fetch-ahead.ts's two batches each, three collections
 * can keep the per-host limit of 4 requests (http/host-limiter.ts) busy.
 */
const COLLECTIONS_AT_ONCE = 3;

const PHASE_ORDER: Record<CollectionRecord['kind'], number> = { addressbook: 0, calendar: 1 };

/** Which collection the progress line names. */
interface ProgressStep {
  phase: CollectionRecord['kind'];
  collectionsListed: number;
  collections: number;
}

/** Where a collection's run reports: the run's lists, and the account's progress line. */
interface CollectionReport {
  errors: RunError[];
  unreadable: UnreadableItemRef[];
  limited: UnreadableItemRef[];
  alarms: AlarmRecord[];
  progress: ProgressReporter;
  step: () => ProgressStep;
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
      (counts) => progress.update({ ...counts, ...step() }),
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
