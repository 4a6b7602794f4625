// Collections of an account and their sync cursors. The cursor lives beside the data it
// describes, so a restored or cleared database never holds a token for items it lacks.
import type { LifeboatDb } from './schema';
import type { AlarmRecord } from '../model/alarm';
import type { CollectionRecord } from '../model/collection';
import { raiseGoneAlarms } from './alarms';
import type { RemoteCollection, SyncCursor } from '../model/source';
import { collectionCountOf, type CollectionCount } from './live-counts';

export function collectionId(accountId: string, href: string): string {
  return `${accountId}|${href}`;
}

export interface Reconciled {
  /** The collections listed now, in the order listed (new ones enabled). */
  current: CollectionRecord[];
  /** Collections that were listed before and are not any more: marked gone, never dropped. */
  gone: CollectionRecord[];
  /** The alarms for gone collections that held items, written with the marks. */
  alarms: AlarmRecord[];
}

/** What the listing makes of the stored collections: the records it implies, and what differs. */
function reconciled(accountId: string, remote: RemoteCollection[], stored: readonly CollectionRecord[], now: number) {
  const known = new Map(stored.map((c) => [c.id, c]));
  const current: CollectionRecord[] = remote.map((r) => {
    const id = collectionId(accountId, r.href);
    const old = known.get(id);
    known.delete(id);
    return {
      id,
      accountId,
      kind: r.kind,
      href: r.href,
      displayName: r.displayName,
      syncToken: old?.syncToken ?? null,
      ctag: old?.ctag ?? null,
      lastSyncedAt: old?.lastSyncedAt ?? null,
      goneUpstreamAt: null,
      // Collections created upstream later are mirrored too, unless the person said no.
      enabled: old?.enabled ?? true,
      pendingHrefs: old?.pendingHrefs ?? [],
      unreadableHrefs: old?.unreadableHrefs ?? [],
      ...(r.vcardVersion === undefined ? {} : { vcardVersion: r.vcardVersion }),
    };
  });
  const gone = [...known.values()].filter((c) => c.goneUpstreamAt === null).map((c) => ({ ...c, goneUpstreamAt: now }));
  const before = new Map(stored.map((c) => [c.id, c]));
  const changed = [...current, ...gone].filter((c) => !sameRecord(c, before.get(c.id)));
  return { current, gone, changed };
}

/**
 * Records the collections the server lists now; ones it no longer lists are marked, not
 * dropped, and their alarms raised in the same transaction: a worker stopped in between
 * would otherwise leave a collection marked gone that no later run sees as newly gone.
 * `alarmBefore`: the moment before the run, which "export the copy from before" exports.
 * `storedAtStart`, the collections as read when the run began: a listing that changes nothing
 * about them costs no transaction at all (the common case, a sync with nothing new); one that
 * does is reconciled with the collections read again inside the write.
 */
export async function reconcileCollections(
  db: LifeboatDb,
  accountId: string,
  remote: RemoteCollection[],
  now: number,
  alarmBefore = now - 1,
  storedAtStart?: readonly CollectionRecord[],
): Promise<Reconciled> {
  if (storedAtStart !== undefined) {
    const { current, changed } = reconciled(accountId, remote, storedAtStart, now);
    if (changed.length === 0) return { current, gone: [], alarms: [] };
  }
  return db.transaction('rw', [db.collections, db.collectionCounts, db.alarms], async () => {
    const stored = await db.collections.where('accountId').equals(accountId).toArray();
    const { current, gone, changed } = reconciled(accountId, remote, stored, now);
    // Only what differs is written: every write wakes each open page's live queries of the
    // collections, and on a sync with nothing new nothing differs.
    if (changed.length > 0) await db.collections.bulkPut(changed);
    const alarms = await raiseGoneAlarms(db, { gone, before: alarmBefore, now });
    return { current, gone, alarms };
  });
}

/** Whether `record` would store exactly what `stored` holds (field order aside). */
function sameRecord(record: CollectionRecord, stored: CollectionRecord | undefined): boolean {
  if (stored === undefined) return false;
  const keys = new Set([...Object.keys(record), ...Object.keys(stored)]);
  return [...keys].every((key) => JSON.stringify(record[key as keyof CollectionRecord]) === JSON.stringify(stored[key as keyof CollectionRecord]));
}

/** The end of a collection's run: the new cursor, and what must be fetched again next time. */
export async function saveCursor(db: LifeboatDb, id: string, cursor: SyncCursor | null, pendingHrefs: string[], now: number): Promise<void> {
  await db.collections.update(id, {
    ...(cursor ? { syncToken: cursor.syncToken ?? null, ctag: cursor.ctag ?? null } : {}),
    pendingHrefs,
    lastSyncedAt: now,
  });
}

/** Collections synced with nothing else to save: their moment, written in the caller's transaction. */
export async function markSynced(db: LifeboatDb, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.collections.bulkUpdate(ids.map((key) => ({ key, changes: { lastSyncedAt: now } })));
}

export async function setCollectionEnabled(db: LifeboatDb, id: string, enabled: boolean): Promise<void> {
  await db.collections.update(id, { enabled });
}

export function collectionsOf(db: LifeboatDb, accountId: string): Promise<CollectionRecord[]> {
  return db.collections.where('accountId').equals(accountId).toArray();
}

/** An account's collections as stored, with each one's kept counts (collection-counts.ts). */
export interface CollectionsAndCounts {
  collections: CollectionRecord[];
  counts: Map<string, CollectionCount>;
}

/**
 * An account's collections and their counts in one read: what a run needs before its first
 * request, so that a collection the listing finds unchanged costs the run no read of its own.
 */
export function collectionsAndCounts(db: LifeboatDb, accountId: string): Promise<CollectionsAndCounts> {
  return db.transaction('r', [db.collections, db.collectionCounts], async () => {
    const collections = await collectionsOf(db, accountId);
    const rows = await db.collectionCounts.bulkGet(collections.map((c) => c.id));
    const counts = new Map(collections.map((c, index) => [c.id, collectionCountOf(rows[index])]));
    return { collections, counts };
  });
}
