// Reads for the popup, the options page and the exporters. Counts come from indexes, never
// from a scan, so the popup opens at once however large the mirror is.
import type { LifeboatDb } from './schema';
import type { ItemKind } from '../model/item';

export function countLiveItems(db: LifeboatDb, accountId: string, kind: ItemKind): Promise<number> {
  return db.items.where('[accountId+kind+live]').equals([accountId, kind, 1]).count();
}

export function countDeletedUpstream(db: LifeboatDb, accountId: string, kind: ItemKind): Promise<number> {
  return db.items.where('[accountId+kind+live]').equals([accountId, kind, 0]).count();
}

export function countLiveInCollection(db: LifeboatDb, collectionId: string): Promise<number> {
  return db.items.where('[collectionId+live]').equals([collectionId, 1]).count();
}
