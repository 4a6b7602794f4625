// The items an export cannot write as it writes the others: those whose text no reader could
// take when they were stored. A whole one goes into the file exactly as served, one cut short
// is left out (exporters/export-tally.ts). Their hrefs live on each collection record
// (db/unreadable-items.ts), so listing them reads those items only, no scan of the mirror.
import type { LifeboatDb } from '../db/schema';
import { unreadableRefs } from '../db/unreadable-items';
import type { UnreadableItemRef } from '../model/run';

export async function exportItemsKeptOrLeftOut(db: LifeboatDb): Promise<UnreadableItemRef[]> {
  const collections = (await db.collections.toArray()).filter((c) => (c.unreadableHrefs?.length ?? 0) > 0);
  const lists = await Promise.all(collections.map((c) => unreadableRefs(db, c, c.unreadableHrefs ?? [])));
  return lists.flat().sort((a, b) => a.collectionName.localeCompare(b.collectionName) || a.title.localeCompare(b.title));
}
