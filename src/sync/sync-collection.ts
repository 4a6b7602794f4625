// Mirrors one collection: listing → plan → fetch in batches → write → save cursor.
import type { AlarmRecord, CollectionRecord, RunError } from '../db/records';
import { readMirrorRefs, storeItems, markDeletedAndJudge, type FetchedItem } from '../db/mirror-writes';
import { beginWipeCount } from '../db/wipe-marks';
import { saveCursor } from '../db/collections';
import { isFailure, type RemoteCollection } from '../sources/source';
import { planCollection } from './plan-collection';
import type { WipePolicy } from './wipe-guard';
import type { SyncDeps } from './sync-account';

export interface CollectionTally {
  added: number;
  changed: number;
  deletedUpstream: number;
  unchanged: number;
  fetched: number;
  toFetch: number;
}

const DEFAULT_BATCH = 100;

export async function syncCollection(
  deps: SyncDeps,
  collection: CollectionRecord,
  remote: RemoteCollection,
  policy: WipePolicy,
  tally: CollectionTally,
  errors: RunError[],
  onProgress: (progress: { done: number; total: number }) => Promise<void>,
  startedAt: number,
): Promise<AlarmRecord | null> {
  const { db, source, now } = deps;
  const reader = deps.readers[collection.kind];
  const cursor = { syncToken: collection.syncToken ?? undefined, ctag: collection.ctag ?? undefined };
  const listing = await source.listChanges(remote, cursor);
  const mirror = await readMirrorRefs(db, collection.id);
  const plan = planCollection(listing, mirror, new Set(collection.pendingHrefs));
  let liveBefore = 0;
  for (const ref of mirror.values()) if (ref.live) liveBefore++;
  // Counted from here in the database, beside the writes: a stopped run's successor judges the
  // whole run. An unchanged collection has nothing to count (a stopped run never saved its
  // cursor, so its successor's listing is not "unchanged") and costs no write.
  const unchanged = listing.mode === 'unchanged';
  if (!unchanged) await beginWipeCount(db, { collectionId: collection.id, accountId: collection.accountId, liveBefore, startedAt });
  tally.unchanged += plan.unchanged;
  tally.toFetch += plan.fetch.length;
  await onProgress({ done: tally.fetched, total: tally.toFetch });

  const failed: string[] = [];
  const batchSize = deps.batchSize ?? DEFAULT_BATCH;
  for (let start = 0; start < plan.fetch.length; start += batchSize) {
    const results = await source.fetchItems(remote, plan.fetch.slice(start, start + batchSize));
    const good: FetchedItem[] = [];
    for (const result of results) {
      const reading = isFailure(result) ? { ok: false as const, reason: result.error } : reader.read(result.data);
      if (reading.ok && !isFailure(result)) good.push({ href: result.href, etag: result.etag, raw: result.data, ...reading.fields });
      else if (!reading.ok) {
        errors.push({ href: result.href, message: reading.reason });
        failed.push(result.href);
      }
    }
    const stored = await storeItems(db, collection, good, now());
    tally.added += stored.added;
    tally.changed += stored.changed;
    tally.fetched += results.length;
    await onProgress({ done: tally.fetched, total: tally.toFetch });
  }

  const emptied = listing.mode === 'full' && listing.items.length === 0;
  const { deleted, alarm } = unchanged ? { deleted: 0, alarm: null } : await markDeletedAndJudge(db, { collection, hrefs: plan.markDeleted, emptied, policy, now: now() });
  tally.deletedUpstream += deleted;
  await saveCursor(db, collection.id, unchanged ? null : listing.cursor, failed, now());
  return alarm;
}
