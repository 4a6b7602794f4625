// Removing an account. By default its mirrored data stays (the mirror is a backup: removing
// the account from Lifeboat must not be a way to lose it); the items are then kept under a
// detached account record so exports still include them.
import type { LifeboatDb } from './schema';
import { itemKeysOfAccount } from './account-items';

export async function removeAccountData(db: LifeboatDb, accountId: string, options: { keepData: boolean }): Promise<void> {
  const photoTables = [db.photos, db.photoBlobs, db.photoThumbs, db.photoParts, db.photoVersions];
  await db.transaction('rw', [db.accounts, db.collections, db.items, db.versions, db.runs, db.alarms, db.wipeMarks, ...photoTables], async () => {
    await db.alarms.where('accountId').equals(accountId).delete();
    await db.wipeMarks.where('accountId').equals(accountId).delete();
    if (options.keepData) {
      await db.accounts.update(accountId, { detached: true, status: 'idle', progress: null });
      return;
    }
    const itemIds = await itemKeysOfAccount(db, accountId);
    await db.versions.where('itemId').anyOf(itemIds).delete();
    await db.items.bulkDelete(itemIds);
    await db.collections.where('accountId').equals(accountId).delete();
    await db.runs.where('accountId').equals(accountId).delete();
    const photoIds = await db.photos.where('accountId').equals(accountId).primaryKeys();
    for (const table of [db.photoBlobs, db.photoThumbs]) await table.bulkDelete(photoIds);
    await db.photoParts.where('photoId').anyOf(photoIds).delete();
    await db.photoVersions.where('photoId').anyOf(photoIds).delete();
    await db.photos.bulkDelete(photoIds);
    await db.accounts.delete(accountId);
  });
}
