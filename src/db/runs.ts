// The run log: one record per sync of an account, shown in the options page.
import type { LifeboatDb } from './schema';
import type { CollectionCount, RunRecord } from '../model/run';
import { photoCollectionId } from '../model/wipe-mark';
import { countOf } from '../model/counter';

export async function startRun(db: LifeboatDb, accountId: string, now: number): Promise<number> {
  const id = await db.runs.add({
    accountId,
    startedAt: now,
    finishedAt: null,
    outcome: 'running',
    added: 0,
    changed: 0,
    deletedUpstream: 0,
    unchanged: 0,
    errors: [],
  });
  // ++id tables always return the generated key.
  return id!;
}

/** A run's end, with the live items it left each collection at (liveCountsOf): the mirror over time. */
export async function finishRun(db: LifeboatDb, id: number, accountId: string, result: Omit<RunRecord, 'id' | 'accountId' | 'startedAt' | 'collectionCounts'>): Promise<void> {
  await db.runs.update(id, { ...result, collectionCounts: await liveCountsOf(db, accountId) });
}

export function recentRuns(db: LifeboatDb, accountId: string, limit = 20): Promise<RunRecord[]> {
  return db.runs
    .where('[accountId+startedAt]')
    .between([accountId, 0], [accountId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

/**
 * Runs still marked running when a worker starts were cut short by the worker being stopped
 * (Chrome stops idle extension workers after ~30 s). Marks them interrupted and returns the
 * accounts to resume; their status goes back to idle.
 */
export async function closeInterruptedRuns(db: LifeboatDb, now: number): Promise<string[]> {
  return db.transaction('rw', db.runs, db.accounts, async () => {
    const stale = await db.runs.where('outcome').equals('running').toArray();
    await db.runs.bulkUpdate(stale.map((run) => ({ key: run.id!, changes: { outcome: 'interrupted' as const, finishedAt: now } })));
    const accountIds = [...new Set(stale.map((run) => run.accountId))];
    await db.accounts.where('id').anyOf(accountIds).modify({ status: 'idle', progress: null });
    return accountIds;
  });
}

/**
 * The live items of each of an account's collections now, and of its photo library when it has
 * photos: what a run records when it ends, for the mirror over time. Read from the kept counts
 * (each collection's, collection-counts.ts, and the account's, counters.ts) in one read-only
 * transaction: a few small records, where a count of each index walked every entry.
 */
export function liveCountsOf(db: LifeboatDb, accountId: string): Promise<CollectionCount[]> {
  return db.transaction('r', [db.collections, db.collectionCounts, db.counters], async () => {
    const collections = await db.collections.where('accountId').equals(accountId).primaryKeys();
    const [rows, account] = await Promise.all([db.collectionCounts.bulkGet(collections), db.counters.get(accountId)]);
    const counts = collections.map((collectionId, index) => ({ collectionId, live: rows[index]?.live ?? 0 }));
    const photos = countOf(account?.counts ?? {}, 'photo:live');
    return photos > 0 ? [...counts, { collectionId: photoCollectionId(accountId), live: photos }] : counts;
  });
}
