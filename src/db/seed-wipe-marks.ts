// The upgrade to schema 6: every collection and photo library starts its high-water mark at
// the count it has today (counted from the indexes, reading no record), so the alarm watches
// for a slow decline from the first run after the upgrade.
import type { Transaction } from 'dexie';
import type { WipeMarkRecord } from '../model/wipe-mark';
import { photoCollectionId } from '../model/wipe-mark';

export async function seedWipeMarks(tx: Transaction, now: number): Promise<void> {
  const marks: WipeMarkRecord[] = [];
  const collections = (await tx.table('collections').toArray()) as { id: string; accountId: string }[];
  for (const collection of collections) {
    const live = await tx.table('items').where('[collectionId+live]').equals([collection.id, 1]).count();
    marks.push({ collectionId: collection.id, accountId: collection.accountId, highs: [{ live, at: now }], run: null });
  }
  const accountIds = (await tx.table('accounts').toCollection().primaryKeys()) as string[];
  for (const accountId of accountIds) {
    const live = await tx.table('photos').where('[accountId+live]').equals([accountId, 1]).count();
    if (live > 0) marks.push({ collectionId: photoCollectionId(accountId), accountId, highs: [{ live, at: now }], run: null });
  }
  await tx.table('wipeMarks').bulkPut(marks);
}
