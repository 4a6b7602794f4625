// Which texts an export holds: the live mirror (optionally with items deleted upstream), or
// the mirror as it was at a past moment.
import type { LifeboatDb } from './schema';
import type { ItemKind, ItemRecord } from './records';
import { itemsAsOf } from './point-in-time';

export interface SelectedItem {
  title: string;
  raw: string;
  collectionId: string;
}

export interface Selection {
  kinds: ItemKind[];
  asOf?: number;
  includeDeletedUpstream?: boolean;
}

export async function selectForExport(db: LifeboatDb, selection: Selection): Promise<SelectedItem[]> {
  const chosen =
    selection.asOf !== undefined
      ? (await itemsAsOf(db, { kinds: selection.kinds }, selection.asOf)).map(({ item, raw }) => ({ item, raw }))
      : (await itemsOfKinds(db, selection.kinds, selection.includeDeletedUpstream ?? false)).map((item) => ({ item, raw: item.raw }));
  return chosen
    .sort((a, b) => a.item.title.localeCompare(b.item.title) || a.item.id.localeCompare(b.item.id))
    .map(({ item, raw }) => ({ title: item.title, raw, collectionId: item.collectionId }));
}

async function itemsOfKinds(db: LifeboatDb, kinds: ItemKind[], withDeleted: boolean): Promise<ItemRecord[]> {
  const accountIds = await db.accounts.toCollection().primaryKeys();
  const keys = accountIds.flatMap((id) => kinds.flatMap((kind) => (withDeleted ? [[id, kind, 1], [id, kind, 0]] : [[id, kind, 1]])));
  return db.items.where('[accountId+kind+live]').anyOf(keys).toArray();
}
