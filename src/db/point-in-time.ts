// The mirror as it was at a past moment: for each item, the text that was current then, if
// the item existed upstream then. Built from the current items and their kept versions:
// an item's current text is valid from `updatedAt` until it is deleted upstream; a version
// is valid from `validFrom` until it was replaced (or until the item vanished, if it did).
import type { LifeboatDb } from './schema';
import { itemsOfAccount } from './account-items';
import type { ItemKind, ItemRecord, VersionRecord } from '../model/item';

export interface ItemAsOf {
  item: ItemRecord;
  /** The text current at that moment. */
  raw: string;
}

export interface Scope {
  accountId?: string;
  collectionId?: string;
  kinds: ItemKind[];
}

export async function itemsAsOf(db: LifeboatDb, scope: Scope, moment: number): Promise<ItemAsOf[]> {
  const candidates = (await scopedItems(db, scope)).filter((item) => item.firstSeenAt <= moment);
  const versionsByItem = await olderVersions(db, candidates, moment);
  const result: ItemAsOf[] = [];
  for (const item of candidates) {
    if (currentTextCovers(item, moment)) {
      result.push({ item, raw: item.raw });
      continue;
    }
    const version = versionsByItem.get(item.id)?.find((v) => versionCovers(v, moment));
    if (version) result.push({ item, raw: version.raw });
  }
  return result;
}

function currentTextCovers(item: ItemRecord, moment: number): boolean {
  return item.updatedAt <= moment && (item.deletedUpstreamAt === null || moment < item.deletedUpstreamAt);
}

function versionCovers(version: VersionRecord, moment: number): boolean {
  return version.validFrom <= moment && moment < (version.deletedAt ?? version.replacedAt);
}

async function scopedItems(db: LifeboatDb, scope: Scope): Promise<ItemRecord[]> {
  const items = scope.collectionId
    ? await db.items.where('collectionId').equals(scope.collectionId).toArray()
    : scope.accountId
      ? await itemsOfAccount(db, scope.accountId)
      : await db.items.toArray();
  return items.filter((item) => scope.kinds.includes(item.kind));
}

/** Only versions replaced after the moment can have been current at it. */
async function olderVersions(db: LifeboatDb, items: ItemRecord[], moment: number): Promise<Map<string, VersionRecord[]>> {
  const wanted = new Set(items.filter((item) => item.updatedAt > moment || item.deletedUpstreamAt !== null).map((item) => item.id));
  const byItem = new Map<string, VersionRecord[]>();
  if (wanted.size === 0) return byItem;
  await db.versions.where('replacedAt').above(moment).each((version) => {
    if (!wanted.has(version.itemId)) return;
    const list = byItem.get(version.itemId) ?? [];
    list.push(version);
    byItem.set(version.itemId, list);
  });
  return byItem;
}
