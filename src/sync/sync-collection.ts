// Mirrors one collection: listing → plan → fetch in batches → write → save cursor.
import type { AlarmRecord } from '../model/alarm';
import type { RunError, UnreadableItemRef } from '../model/run';
import type { CollectionRecord } from '../model/collection';
import type { RunProgress } from '../model/account';
import { storeItems, markDeletedAndJudge } from '../db/mirror-writes';
import { readPlanningRefs } from '../db/planning-refs';
import { beginWipeCount } from '../db/wipe-marks';
import { saveCursor } from '../db/collections';
import { keepUnreadableHrefs, unreadableRefs } from '../db/unreadable-items';
import type { RemoteCollection } from '../model/source';
import { readBatch } from './read-fetched';
import { takingCarried } from './carried-items';
import { rereadUnreadable } from './reread-unreadable';
import { planCollection } from './plan-collection';
import type { WipePolicy } from '../model/wipe-guard';
import type { SyncDeps } from './sync-deps';
import { batchSizer, fixedBatchSizer } from './batch-sizer';
import { DEFAULT_FETCH_DEPTH, fetchAhead } from './fetch-ahead';
import { markMoment } from '../shared/phase-times';
import type { AnswerBudget } from './answer-budget';
import type { CollectionCount } from '../db/live-counts';

export interface CollectionTally {
  added: number;
  changed: number;
  deletedUpstream: number;
  unchanged: number;
  fetched: number;
  toFetch: number;
}

/** What one collection's mirroring is given: where to write, what to list, and where to report. */
export interface CollectionRunParams {
  deps: SyncDeps;
  collection: CollectionRecord;
  remote: RemoteCollection;
  policy: WipePolicy;
  /** The run's counts, shared by its collections. */
  tally: CollectionTally;
  /** The run log's errors, to which this collection adds its own. */
  errors: RunError[];
  onProgress: (progress: Pick<RunProgress, 'done' | 'total'>) => Promise<void>;
  /** When the run began: the wipe count and the alarm's "moment before" start here. */
  startedAt: number;
  /** Filled with the items this collection holds as served but could not read, for the run log. */
  unreadable: UnreadableItemRef[];
  /** Filled with the items this run stored whose fields were read only in part, for the run log. */
  limited: UnreadableItemRef[];
  /** The run's bytes for multiget answers held at once, shared with the collections beside this one. */
  budget?: AnswerBudget;
  /**
   * Given, a collection whose run would write nothing but its `lastSyncedAt` hands its id here
   * instead, for the run's end transaction to write (nothing reads it before then).
   */
  syncedAtEnd?: (collectionId: string) => void;
  /** The collection's counts as read at the run's start (db/planning-refs.ts). */
  countsAtStart?: CollectionCount;
}

export async function syncCollection(params: CollectionRunParams): Promise<AlarmRecord | null> {
  const { deps, collection, remote, policy, tally, errors, onProgress, startedAt, unreadable, limited, budget } = params;
  const { db, source, now } = deps;
  const reader = deps.readers[collection.kind];
  const cursor = { syncToken: collection.syncToken ?? undefined, ctag: collection.ctag ?? undefined };
  const listing = await source.listChanges(remote, cursor);
  markMoment('listed');
  // Read as narrowly as the listing allows: a no-change sync reads no item at all.
  const { refs, mirrored, live: liveBefore } = await readPlanningRefs(db, collection.id, listing, params.countsAtStart);
  const plan = planCollection(listing, refs, new Set(collection.pendingHrefs), mirrored);
  // Counted from here in the database, beside the writes: a stopped run's successor judges the
  // whole run. An unchanged collection has nothing to count (a stopped run never saved its
  // cursor, so its successor's listing is not "unchanged") and costs no write.
  const unchanged = listing.mode === 'unchanged';
  tally.unchanged += plan.unchanged;
  tally.toFetch += plan.fetch.length;
  // Two stores, two transactions asked at once: neither waits for the other's round trip, and
  // both are done before the first item is stored. A collection with nothing to do has nothing
  // to count and nothing to show on the progress line.
  const idle = unchanged && plan.fetch.length === 0;
  await Promise.all([
    unchanged ? undefined : beginWipeCount(db, { collectionId: collection.id, accountId: collection.accountId, liveBefore, startedAt }),
    idle ? undefined : onProgress({ done: tally.fetched, total: tally.toFetch }),
  ]);
  markMoment('planned');

  const failed: string[] = [];
  let held = await rereadUnreadable({ db, collection, reader, now: now() });
  const sizer = deps.batchSize !== undefined ? fixedBatchSizer(deps.batchSize) : batchSizer();
  const fetchItems = takingCarried(listing, (hrefs) => source.fetchItems(remote, hrefs));
  const batches = fetchAhead(plan.fetch, fetchItems, { sizer, depth: deps.fetchDepth ?? DEFAULT_FETCH_DEPTH, budget });
  for await (const { requested, results } of batches) {
    markMoment('batch-fetched');
    // Every item the server sent is stored as served, read or not (never lost, never silent);
    // only what it did not send is fetched again next run.
    const { store, missing } = readBatch({ requested, results, reader, collectionKind: collection.kind });
    for (const { href, reason } of missing) {
      errors.push({ href, message: reason });
      failed.push(href);
    }
    const stored = await storeItems(db, collection, store, now());
    for (const item of store) {
      if (item.degraded !== undefined && item.unreadable === undefined) {
        limited.push({ collectionId: collection.id, collectionName: collection.displayName, href: item.href, title: item.title, reason: item.degraded });
      }
    }
    // Right after the batch: a worker stopped before the cursor is saved re-lists these items
    // as unchanged next time, so this list is the only place their state survives.
    held = await keepUnreadableHrefs(db, collection.id, { held, stored: store, markedDeleted: [] });
    tally.added += stored.added;
    tally.changed += stored.changed;
    tally.fetched += requested.length;
    await onProgress({ done: tally.fetched, total: tally.toFetch });
    markMoment('batch-stored');
  }

  const emptied = listing.mode === 'full' && listing.items.length === 0;
  const { deleted, alarm } = unchanged ? { deleted: 0, alarm: null } : await markDeletedAndJudge(db, { collection, hrefs: plan.markDeleted, emptied, policy, now: now() });
  tally.deletedUpstream += deleted;
  held = await keepUnreadableHrefs(db, collection.id, { held, stored: [], markedDeleted: plan.markDeleted });
  if (unchanged && params.syncedAtEnd !== undefined && samePending(failed, collection.pendingHrefs)) params.syncedAtEnd(collection.id);
  else await saveCursor(db, collection.id, unchanged ? null : listing.cursor, failed, now());
  unreadable.push(...(await unreadableRefs(db, collection, held)));
  markMoment('collection-done');
  return alarm;
}

/** Whether the hrefs to fetch again are the ones the collection already holds (order aside). */
function samePending(failed: readonly string[], pending: readonly string[]): boolean {
  const held = new Set(pending);
  return failed.length === held.size && failed.every((href) => held.has(href));
}
