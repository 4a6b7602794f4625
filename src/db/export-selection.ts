// Which texts an export holds: the live mirror (optionally with items deleted upstream), or
// the mirror as it was at a past moment; all of it, one collection, or items the person picked.
import type { LifeboatDb } from './schema';
import type { ItemKind, ItemRecord } from '../model/item';
import { itemsAsOf } from './point-in-time';
import { timedPhase } from '../shared/phase-times';
import { compareForExport } from './export-pages/export-order';

export interface SelectedItem {
  id: string;
  kind: ItemKind;
  title: string;
  raw: string;
  uid: string | null;
  collectionId: string;
  /** Why the reader refused this text when it was stored; absent when it was read. */
  unreadable?: string;
  /**
   * The reader read this very text whole when it was stored (no refusal, nothing degraded, not
   * a restored or earlier text): what the exporter need not check again.
   */
  readWhole: boolean;
}

export interface Selection {
  kinds: ItemKind[];
  asOf?: number;
  includeDeletedUpstream?: boolean;
  /** Only the items deleted upstream (the part of the mirror a wipe would have taken). */
  onlyDeletedUpstream?: boolean;
  /** Only this collection (an address book or a calendar). */
  collectionId?: string;
  /** Only these items (a selection made while browsing). */
  itemIds?: string[];
}

export async function selectForExport(db: LifeboatDb, selection: Selection): Promise<SelectedItem[]> {
  const chosen =
    selection.asOf !== undefined
      ? await itemsAsOf(db, { kinds: selection.kinds, ...(selection.collectionId ? { collectionId: selection.collectionId } : {}) }, selection.asOf)
      : (await timedPhase('export-read-store', () => liveItems(db, selection))).map((item) => ({ item, raw: item.raw }));
  const picked = selection.itemIds ? new Set(selection.itemIds) : null;
  return chosen
    .filter(({ item }) => picked === null || picked.has(item.id))
    .sort((a, b) => compareForExport(a.item, b.item))
    .map(({ item, raw }) => selectedItem(item, raw));
}

/** What the export reads of an item, with `raw` its current text or an earlier one. */
export function selectedItem(item: ItemRecord, raw: string): SelectedItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    raw,
    uid: item.uid,
    collectionId: item.collectionId,
    // The reason belongs to the current text; an earlier one (asOf) is left to the builder.
    ...(item.unreadable !== undefined && raw === item.raw ? { unreadable: item.unreadable } : {}),
    readWhole: raw === item.raw && item.unreadable === undefined && item.degraded === undefined && !item.restoredAt,
  };
}

/** Live flags wanted: 1 live, 0 deleted upstream. */
function liveStates(selection: Selection): Array<0 | 1> {
  if (selection.onlyDeletedUpstream) return [0];
  return selection.includeDeletedUpstream ? [1, 0] : [1];
}

/**
 * Each wanted key of an index read as one range with getAll (Dexie's `equals().toArray()`), in
 * one transaction: `anyOf()` over compound keys walks a cursor record by record, which was 80%
 * of an export's time with 10,000 contacts.
 */
function rangesOf(db: LifeboatDb, index: '[accountId+kind+live]' | '[collectionId+live]', keys: Array<Array<string | number>>): Promise<ItemRecord[]> {
  return db.transaction('r', db.items, async () => (await Promise.all(keys.map((key) => db.items.where(index).equals(key).toArray()))).flat());
}

async function liveItems(db: LifeboatDb, selection: Selection): Promise<ItemRecord[]> {
  const states = liveStates(selection);
  if (selection.itemIds) {
    const items = (await db.items.bulkGet(selection.itemIds)).filter((item): item is ItemRecord => item !== undefined);
    return items.filter((item) => selection.kinds.includes(item.kind) && states.includes(item.live));
  }
  if (selection.collectionId) {
    const items = await rangesOf(
      db,
      '[collectionId+live]',
      states.map((live) => [selection.collectionId!, live]),
    );
    return items.filter((item) => selection.kinds.includes(item.kind));
  }
  const accountIds = await db.accounts.toCollection().primaryKeys();
  const keys = accountIds.flatMap((id) => selection.kinds.flatMap((kind) => states.map((live) => [id, kind, live])));
  return rangesOf(db, '[accountId+kind+live]', keys);
}
