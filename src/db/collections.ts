// Collections of an account and their sync cursors. The cursor lives beside the data it
// describes, so a restored or cleared database never holds a token for items it lacks.
import type { LifeboatDb } from './schema';
import type { CollectionRecord } from './records';
import type { RemoteCollection, SyncCursor } from '../sources/source';

export function collectionId(accountId: string, href: string): string {
  return `${accountId}|${href}`;
}

export interface Reconciled {
  /** The collections listed now, in the order listed (new ones enabled). */
  current: CollectionRecord[];
  /** Collections that were listed before and are not any more: marked gone, never dropped. */
  gone: CollectionRecord[];
}

/** Records the collections the server lists now; ones it no longer lists are marked, not dropped. */
export async function reconcileCollections(
  db: LifeboatDb,
  accountId: string,
  remote: RemoteCollection[],
  now: number,
): Promise<Reconciled> {
  return db.transaction('rw', db.collections, async () => {
    const known = new Map((await db.collections.where('accountId').equals(accountId).toArray()).map((c) => [c.id, c]));
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
    await db.collections.bulkPut([...current, ...gone]);
    return { current, gone };
  });
}

/** The end of a collection's run: the new cursor, and what must be fetched again next time. */
export async function saveCursor(db: LifeboatDb, id: string, cursor: SyncCursor | null, pendingHrefs: string[], now: number): Promise<void> {
  await db.collections.update(id, {
    ...(cursor ? { syncToken: cursor.syncToken ?? null, ctag: cursor.ctag ?? null } : {}),
    pendingHrefs,
    lastSyncedAt: now,
  });
}

export async function setCollectionEnabled(db: LifeboatDb, id: string, enabled: boolean): Promise<void> {
  await db.collections.update(id, { enabled });
}

export function collectionsOf(db: LifeboatDb, accountId: string): Promise<CollectionRecord[]> {
  return db.collections.where('accountId').equals(accountId).toArray();
}
