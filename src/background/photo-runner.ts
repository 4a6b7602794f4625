// A photo library account's run, as the sync runner starts it: a WebDAV folder's source with
// the stored password, or a OneDrive folder's with a bearer token (renewed silently, else the
// account waits for "Sign in again"), the run, then the alarms and the badge, like any account.
import type { LifeboatDb } from '../db/schema';
import type { Settings } from '../model/settings';
import type { AccountRecord } from '../model/account';
import type { PhotoSource } from '../model/photo-source';
import { createPhotoFolderSource } from '../providers/webdav-photos/photo-folder-source';
import { createOneDrivePhotoSource } from '../providers/onedrive-photos/onedrive-photo-source';
import { syncPhotoFolder } from '../sync/photos/sync-photo-folder';
import type { RunSummary } from '../model/run-summary';
import { loadPassword } from './credentials';
import { accountSecret, signsIn } from './account-secret';
import { announceAlarms, refreshBadge } from './attention';
import { t } from '../model/catalog-text';

/** The account's source, or null when it waits for a new sign-in. */
async function photoSourceFor(db: LifeboatDb, account: AccountRecord): Promise<PhotoSource | null> {
  if (account.kind !== 'onedrive-photos') {
    return createPhotoFolderSource({ serverUrl: account.serverUrl, username: account.username, password: await loadPassword(account.id), allowPlainHttp: account.plainHttpConfirmed === true });
  }
  if (!account.driveFolder) throw new Error(t('errorOneDriveNoFolder'));
  const bearer = await accountSecret(db, account);
  if (bearer === null || typeof bearer === 'string') return null;
  return createOneDrivePhotoSource({ graphUrl: account.serverUrl, bearer, folder: account.driveFolder });
}

export async function syncPhotoAccount(db: LifeboatDb, account: AccountRecord, settings: Settings): Promise<RunSummary | null> {
  const source = await photoSourceFor(db, account);
  if (!source) {
    await refreshBadge();
    return null;
  }
  const credentialsRejected = signsIn(account) ? 'needs-sign-in' : 'needs-password';
  const summary = await syncPhotoFolder({ db, source, settings, now: Date.now, credentialsRejected }, account);
  await announceAlarms(summary.alarms);
  await refreshBadge();
  return summary;
}
