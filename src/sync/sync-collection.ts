// Mirrors one collection: listing → plan → fetch in batches → write → save cursor.
import type { CollectionRecord, RunError } from '../db/records';
import { readMirrorRefs, storeItems, markDeletedUpstream, type FetchedItem } from '../db/mirror-writes';
import { saveCursor } from '../db/collections';
import { isFailure, type RemoteCollection } from '../sources/source';
import { planCollection } from './plan-collection';
import { assessWipe, type WipeFinding, type WipePolicy } from './wipe-guard';
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
): Promise<WipeFinding | null> {
  const { db, source, now } = deps;
  const reader = deps.readers[collection.kind];
  const cursor = { syncToken: collection.syncToken ?? undefined, ctag: collection.ctag ?? undefined };
  const listing = await source.listChanges(remote, cursor);
  const mirror = await readMirrorRefs(db, collection.id);
  const plan = planCollection(listing, mirror, new Set(collection.pendingHrefs));
  const wipe = assessWipe(listing, plan, mirror, policy);
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

  tally.deletedUpstream += await markDeletedUpstream(db, collection.id, plan.markDeleted, now());
  await saveCursor(db, collection.id, listing.mode === 'unchanged' ? null : listing.cursor, failed, now());
  return wipe;
}
