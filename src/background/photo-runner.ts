// A photo folder account's run, as the sync runner starts it: the folder's source with the
// stored password, the run, then the alarms and the badge, like any account.
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord, Settings } from '../db/records';
import { createPhotoFolderSource } from '../sources/webdav-photos/photo-folder-source';
import { syncPhotoFolder } from '../sync/photos/sync-photo-folder';
import type { RunSummary } from '../sync/sync-account';
import { loadPassword } from './credentials';
import { announceAlarms, refreshBadge } from './attention';

export async function syncPhotoAccount(db: LifeboatDb, account: AccountRecord, settings: Settings): Promise<RunSummary> {
  const source = createPhotoFolderSource({ serverUrl: account.serverUrl, username: account.username, password: await loadPassword(account.id) });
  const summary = await syncPhotoFolder({ db, source, settings, now: Date.now }, account);
  await announceAlarms(summary.alarms);
  await refreshBadge();
  return summary;
}
