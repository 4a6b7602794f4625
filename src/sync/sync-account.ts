// One sync run of one account: list collections, then for each collection the person wants
// mirrored, list changes, plan, fetch in batches and write. The cursor of a collection is
// saved only after all of its items are stored, so a worker stopped mid-run simply repeats
// the listing next time (writes are keyed by href and compare ETags: no duplicates, no gaps).
import type { AlarmRecord } from '../model/alarm';
import type { RunError, UnreadableItemRef } from '../model/run';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import { collectionsAndCounts, markSynced, reconcileCollections } from '../db/collections';
import { beginRun } from './run/account-run';
import type { RemoteCollection } from '../model/source';
import { syncCollection, type CollectionTally } from './sync-collection';
import { failureDiagnostic } from './run/run-failure';
import { describeError, endsTheRun } from './describe-error';
import { DEFAULT_SETTINGS } from '../db/settings';
import type { ProgressReporter } from './progress-reporter';
import type { SyncDeps } from './sync-deps';
import { runBounded } from './run-bounded';
import { markMoment } from '../shared/phase-times';
import { answerBudget, DEFAULT_ANSWER_BUDGET_BYTES, type AnswerBudget } from './answer-budget';
import type { RunSummary } from '../model/run-summary';
import type { CollectionCount } from '../db/live-counts';

export async function syncAccount(deps: SyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now } = deps;
  // The collections as the last run left them, read beside the run's start rather than after it
  // (one IndexedDB round trip fewer before the first request); a failure fails the run below.
  // Their kept counts come with them: a collection the listing finds unchanged then reads nothing.
  const mirrored = collectionsAndCounts(db, account.id);
  mirrored.catch(() => undefined);
  // The listing carries each collection's current token and ctag: the source compares them
  // with the mirror's cursor, so an unchanged collection costs no further request.
  // No cursor saved yet (a first mirror): every collection is listed in full, so no token or
  // ctag is worth a pass of the server over every item (model/source.ts).
  // It goes out once the collections are read, while the run's start is being written rather
  // than after: a sync with nothing new waits for that request alone.
  const listed = mirrored.then(({ collections }) => deps.source.listCollections({ changeMarks: collections.some((c) => c.syncToken !== null || c.ctag !== null) }));
  listed.catch(() => undefined);
  const run = await beginRun({ db, account, now, progressIntervalMs: deps.progressIntervalMs, credentialsRejected: deps.credentialsRejected });
  const { startedAt, errors, unreadable, limited, alarms } = run;
  // The run's own counts, with the fetch totals the progress line needs beside them.
  const tally: CollectionTally = Object.assign(run.counts, { fetched: 0, toFetch: 0 });
  try {
    const { collections: stored, counts } = await mirrored;
    const remotes = await listed;
    markMoment('collections-listed');
    const { current, alarms: goneAlarms } = await reconcileCollections(db, account.id, remotes, now(), startedAt - 1, stored);
    alarms.push(...goneAlarms);
    // Address books first, then calendars: the phases the progress line names, in that order.
    const enabled = current.map((collection, index) => ({ collection, remote: remotes[index]! })).filter(({ collection }) => collection.enabled);
    enabled.sort((a, b) => PHASE_ORDER[a.collection.kind] - PHASE_ORDER[b.collection.kind]);
    const progress = run.progress;
    let latestStep: ProgressStep;
    // Each collection reports into its own lists, joined in collection order afterwards: the
    // run log reads the same whichever collection finished first.
    // One budget for the answers held across the collections mirrored at once (answer-budget.ts).
    const budget = answerBudget(deps.answerBudgetBytes ?? DEFAULT_ANSWER_BUDGET_BYTES);
    // Collections whose run changed nothing but the moment they were synced: written in the
    // run's end transaction rather than one transaction each (nothing reads it before then).
    const synced: string[] = [];
    run.atEnd((finishedAt) => markSynced(db, synced, finishedAt));
    const reports = enabled.map(() => ({ errors: [] as RunError[], unreadable: [] as UnreadableItemRef[], limited: [] as UnreadableItemRef[], alarms: [] as AlarmRecord[] }));
    try {
      await runBounded(
        enabled,
        deps.collectionsAtOnce ?? COLLECTIONS_AT_ONCE,
        async ({ collection, remote }, index) => {
          // The progress line names the latest collection started: with collections side by
          // side, each naming its own would flip the phase back and forth on every write.
          latestStep = { phase: collection.kind, collectionsListed: index + 1, collections: enabled.length };
          await syncOneCollection({ deps, collection, remote, startedAt, tally, budget, countsAtStart: counts.get(collection.id), syncedAtEnd: (id) => synced.push(id), report: { ...reports[index]!, progress, step: () => latestStep } });
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
    return run.fail(error);
  }
  return run.finish();
}

/**
 * Collections mirrored side by side. With fetch-ahead.ts's two batches each, three collections
 * can keep the per-host limit of 4 requests (http/host-limiter.ts) busy; the run's answer budget
 * (answer-budget.ts) bounds the answers they hold at once.
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
async function syncOneCollection(params: {
  deps: SyncDeps;
  collection: CollectionRecord;
  remote: RemoteCollection;
  startedAt: number;
  tally: CollectionTally;
  budget: AnswerBudget;
  countsAtStart: CollectionCount | undefined;
  syncedAtEnd: (collectionId: string) => void;
  report: CollectionReport;
}): Promise<void> {
  const { deps, collection, remote, startedAt, tally, budget, countsAtStart, syncedAtEnd, report } = params;
  const { errors, unreadable, limited, alarms, progress, step } = report;
  try {
    const alarm = await syncCollection({
      deps,
      collection,
      remote,
      policy: deps.settings ?? DEFAULT_SETTINGS,
      tally,
      errors,
      onProgress: (counts) => progress.update({ ...counts, ...step() }),
      startedAt,
      unreadable,
      limited,
      budget,
      syncedAtEnd,
      ...(countsAtStart === undefined ? {} : { countsAtStart }),
    });
    if (alarm) alarms.push(alarm);
  } catch (error) {
    if (endsTheRun(error)) throw error;
    errors.push({ href: collection.href, message: `${collection.displayName}: ${describeError(error)}`, ...failureDiagnostic(error) });
  }
}
