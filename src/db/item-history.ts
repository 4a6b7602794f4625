// An item's history: its current text and every kept earlier text, newest first, each with
// the time it became current and the time it was replaced.
import type { LifeboatDb } from './schema';
import type { ItemRecord, VersionRecord } from '../model/item';

export interface HistoryEntry {
  /** The version's id; `null` for the current text. */
  versionId: number | null;
  raw: string;
  validFrom: number;
  /** `null` for the current text. */
  replacedAt: number | null;
  /** When the item was gone upstream while it held this text, if it was. */
  deletedAt: number | null;
}

export interface ItemHistory {
  item: ItemRecord;
  entries: HistoryEntry[];
}

const fromVersion = (v: VersionRecord): HistoryEntry => ({
  versionId: v.id ?? null,
  raw: v.raw,
  validFrom: v.validFrom,
  replacedAt: v.replacedAt,
  deletedAt: v.deletedAt,
});

export async function itemHistory(db: LifeboatDb, itemId: string): Promise<ItemHistory | null> {
  const item = await db.items.get(itemId);
  if (!item) return null;
  const versions = await db.versions.where('itemId').equals(itemId).toArray();
  versions.sort((a, b) => b.replacedAt - a.replacedAt || (b.id ?? 0) - (a.id ?? 0));
  const current: HistoryEntry = { versionId: null, raw: item.raw, validFrom: item.updatedAt, replacedAt: null, deletedAt: item.deletedUpstreamAt };
  return { item, entries: [current, ...versions.map(fromVersion)] };
}
