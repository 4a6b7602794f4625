// Adding a photo folder: the folder must answer PROPFIND with the credentials (a wrong
// password or an address that is no WebDAV folder is said at once), then the account is saved
// and its first mirror starts in the background, reporting through the database.
import { openDb } from '../db/schema';
import { insertAccount } from '../db/accounts';
import type { NewPhotoFolder } from '../shared/rpc-contract';
import { createPhotoFolderSource } from '../providers/webdav-photos/photo-folder-source';
import { asCollectionUrl } from '../providers/dav/dav-href';
import { webdavPhotosSetup } from '../providers/webdav-photos/setup';
import { savePassword } from './credentials';
import { syncOne } from './sync-runner';
import { requirePlainHttpConfirmed } from './require-plain-http-confirmed';

export async function addPhotoFolder(folder: NewPhotoFolder): Promise<{ accountId: string; photos: number; folders: number }> {
  requirePlainHttpConfirmed({ urls: [folder.folderUrl], confirmed: folder.plainHttpConfirmed });
  const folderUrl = asCollectionUrl(folder.folderUrl);
  const source = createPhotoFolderSource({ serverUrl: folderUrl, username: folder.username, password: folder.password }, { retry: { maxAttempts: 2 } });
  const found = await source.probe();
  const id = crypto.randomUUID();
  await savePassword(id, folder.password);
  const label = folder.label.trim() || new URL(folderUrl).host;
  await insertAccount(openDb(), { id, kind: webdavPhotosSetup.kind, label, serverUrl: folderUrl, calendarServerUrl: null, services: [], username: folder.username, ...(folder.plainHttpConfirmed ? { plainHttpConfirmed: true as const } : {}) }, Date.now());
  void syncOne(id);
  return { accountId: id, ...found };
}
