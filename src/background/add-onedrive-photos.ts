// Adding a OneDrive folder of photos: a sign-in with Microsoft that asks to read files only,
// the folder found (a wrong path, or a drive of the other kind than the person picked, is said
// at once and nothing is saved), then the account saved and its first mirror started in the
// background, reporting through the database. The host permissions for Graph and the drive's
// storage host were asked for in the click (options/add-onedrive-form.tsx).
import { openDb } from '../db/schema';
import { insertAccount } from '../db/accounts';
import { saveTokens } from '../auth/token-store';
import type { NewOneDrivePhotos } from '../shared/rpc-contract';
import { findDriveFolder } from '../providers/onedrive-photos/find-drive-folder';
import { oneDrivePhotosSetup } from '../providers/onedrive-photos/setup';
import { t } from '../catalog/catalog-text';
import { tokensFor } from './oauth-sign-in';
import { syncOne } from './sync-runner';

const WRONG_KIND = { personal: 'oneDriveIsPersonal', business: 'oneDriveIsBusiness' } as const;

export async function addOneDrivePhotos(request: NewOneDrivePhotos): Promise<{ accountId: string; folder: string }> {
  const { provider, tokens, bearer } = await tokensFor(oneDrivePhotosSetup.kind);
  const graphUrl = provider.endpoints.graph!;
  const folder = await findDriveFolder({ graphUrl, bearer }, request.folder, { retry: { maxAttempts: 2 } });
  if (folder.drive !== request.drive) {
    // The other kind downloads from other hosts than the person allowed in the click.
    throw new Error(t(WRONG_KIND[folder.drive]));
  }
  const id = crypto.randomUUID();
  await saveTokens(id, tokens);
  const label = request.label.trim() || `OneDrive: ${folder.name}`;
  await insertAccount(openDb(), { id, kind: oneDrivePhotosSetup.kind, label, serverUrl: graphUrl, calendarServerUrl: null, services: [], username: '', driveFolder: folder }, Date.now());
  void syncOne(id);
  return { accountId: id, folder: folder.name };
}
