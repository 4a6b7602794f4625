// Items kept as served because the reader refused them are read again at the start of each
// collection's run: a reader that has since learned to read them (a newer Lifeboat) gives them
// their display fields and clears their reason, without fetching them again (their ETag did not
// change, so the planner would never fetch them). Only those few items are read.
import type { ItemRecord } from '../model/item';
import type { CollectionRecord } from '../model/collection';
import type { LifeboatDb } from '../db/schema';
import { storeItems, type FetchedItem } from '../db/mirror-writes';
import { itemId } from '../db/item-id';
import { keepUnreadableHrefs } from '../db/unreadable-items';
import type { ItemReader } from '../model/item-reader';

export interface RereadParams {
  db: LifeboatDb;
  collection: CollectionRecord;
  reader: ItemReader;
  now: number;
}

/** Returns the hrefs still held unreadable. */
export async function rereadUnreadable({ db, collection, reader, now }: RereadParams): Promise<string[]> {
  const held = collection.unreadableHrefs ?? [];
  if (held.length === 0) return held;
  const items = await db.items.bulkGet(held.map((href) => itemId(collection.id, href)));
  const nowReadable: FetchedItem[] = [];
  // Only live ones: writing one marked deleted upstream would bring it back to life.
  for (const item of items.filter((i): i is ItemRecord => i?.live === 1)) {
    const reading = safeRead(reader, item.raw);
    if (reading) nowReadable.push({ ...reading, href: item.href, etag: item.etag, raw: item.raw });
  }
  // The same text again: storeItems keeps it as it is (no version, no new updatedAt), with new fields.
  if (nowReadable.length > 0) await storeItems(db, collection, nowReadable, now);
  const gone = held.filter((_, index) => items[index]?.live !== 1);
  return keepUnreadableHrefs(db, collection.id, { held, stored: nowReadable, markedDeleted: gone });
}

function safeRead(reader: ItemReader, raw: string) {
  try {
    const reading = reader.read(raw);
    return reading.ok ? reading.fields : null;
  } catch {
    return null;
  }
}
