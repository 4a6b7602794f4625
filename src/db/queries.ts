// Reads for the popup, the options page and the exporters. Counts come from indexes, never
// from a scan, so the popup opens at once however large the mirror is.
import type { LifeboatDb } from './schema';
import type { ItemKind, ItemRecord } from './records';

export function countLiveItems(db: LifeboatDb, accountId: string, kind: ItemKind): Promise<number> {
  return db.items.where('[accountId+kind+live]').equals([accountId, kind, 1]).count();
}

export function countDeletedUpstream(db: LifeboatDb, accountId: string, kind: ItemKind): Promise<number> {
  return db.items.where('[accountId+kind+live]').equals([accountId, kind, 0]).count();
}

/** Live items of a kind across every account, ordered by title, for export. */
export async function liveItemsOfKind(db: LifeboatDb, kind: ItemKind): Promise<ItemRecord[]> {
  const accountIds = await db.accounts.toCollection().primaryKeys();
  const items = await db.items
    .where('[accountId+kind+live]')
    .anyOf(accountIds.map((id) => [id, kind, 1]))
    .toArray();
  return items.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
