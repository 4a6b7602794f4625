// Removing an account. By default its mirrored data stays (the mirror is a backup: removing
// the account from Lifeboat must not be a way to lose it); the items are then kept under a
// detached account record so exports still include them.
import type { LifeboatDb } from './schema';

export async function removeAccountData(db: LifeboatDb, accountId: string, options: { keepData: boolean }): Promise<void> {
  await db.transaction('rw', [db.accounts, db.collections, db.items, db.versions, db.runs, db.alarms], async () => {
    await db.alarms.where('accountId').equals(accountId).delete();
    if (options.keepData) {
      await db.accounts.update(accountId, { detached: true, status: 'idle', progress: null });
      return;
    }
    const itemIds = await db.items.where('accountId').equals(accountId).primaryKeys();
    await db.versions.where('itemId').anyOf(itemIds).delete();
    await db.items.where('accountId').equals(accountId).delete();
    await db.collections.where('accountId').equals(accountId).delete();
    await db.runs.where('accountId').equals(accountId).delete();
    await db.accounts.delete(accountId);
  });
}
