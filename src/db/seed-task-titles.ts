// The upgrade to schema 13: every task gets its `taskTitle` (derived-fields.ts), the field of the
// tasks view's index of names, which took the place of an index of every item's name. The index
// that found tasks is dropped before an upgrade runs, so the calendars' items are walked once,
// collection by collection (tasks live only in calendars; an address book's contacts, most of a
// mirror's bytes, are not read), and only the tasks are written again.
import type { Transaction } from 'dexie';
import type { CollectionRecord } from '../model/collection';
import type { ItemRecord } from '../model/item';

export async function seedTaskTitles(tx: Transaction): Promise<void> {
  const calendars: string[] = await tx
    .table<CollectionRecord, string>('collections')
    .filter((collection) => collection.kind === 'calendar')
    .primaryKeys();
  for (const collectionId of calendars) {
    await tx
      .table('items')
      .where('collectionId')
      .equals(collectionId)
      .filter((item: ItemRecord) => item.kind === 'task')
      .modify((item: ItemRecord) => {
        item.taskTitle = item.title;
      });
  }
}
