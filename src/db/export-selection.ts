// Which texts an export holds: the live mirror (optionally with items deleted upstream), or
// the mirror as it was at a past moment; all of it, one collection, or items the person picked.
import type { LifeboatDb } from './schema';
import type { ItemKind, ItemRecord } from '../model/item';
import type { CollectionKind } from '../model/source';
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
function rangesOf(db: LifeboatDb, keys: Array<[string, 0 | 1]>): Promise<ItemRecord[]> {
  return db.transaction('r', db.items, async () => (await Promise.all(keys.map((key) => db.items.where('[collectionId+live]').equals(key).toArray()))).flat());
}

/** The kind of collection that holds each kind of item (sync/readers/: an address book's items are contacts). */
const HELD_IN: Record<ItemKind, CollectionKind> = { contact: 'addressbook', event: 'calendar', task: 'calendar', journal: 'calendar' };

/**
 * Every collection holding items, as its kept counts say (the counters' middleware keeps a row
 * for each collection with an item, from the items' own writes), less those whose record says
 * they hold another kind: a .vcf reads no calendar.
 */
async function collectionsHolding(db: LifeboatDb, kinds: readonly ItemKind[]): Promise<string[]> {
  const wanted = new Set(kinds.map((kind) => HELD_IN[kind]));
  const [holding, collections] = await Promise.all([db.collectionCounts.toCollection().primaryKeys(), db.collections.toArray()]);
  const kindOf = new Map(collections.map((collection) => [collection.id, collection.kind]));
  return holding.filter((id) => {
    const kind = kindOf.get(id);
    return kind === undefined || wanted.has(kind);
  });
}

async function liveItems(db: LifeboatDb, selection: Selection): Promise<ItemRecord[]> {
  const states = liveStates(selection);
  if (selection.itemIds) {
    const items = (await db.items.bulkGet(selection.itemIds)).filter((item): item is ItemRecord => item !== undefined);
    return items.filter((item) => selection.kinds.includes(item.kind) && states.includes(item.live));
  }
  const ranges = (collectionIds: string[]) => rangesOf(db, collectionIds.flatMap((id) => states.map((live): [string, 0 | 1] => [id, live])));
  if (selection.collectionId) return (await ranges([selection.collectionId])).filter((item) => selection.kinds.includes(item.kind));
  // The whole mirror is the items of the accounts it holds, as the ready pages are built (exporters/ready/).
  const [items, accountIds] = await Promise.all([collectionsHolding(db, selection.kinds).then(ranges), db.accounts.toCollection().primaryKeys()]);
  const accounts = new Set(accountIds);
  return items.filter((item) => selection.kinds.includes(item.kind) && accounts.has(item.accountId));
}
