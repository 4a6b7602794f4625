// The worker's half of a OneDrive folder of photos: the folder the account names, through Graph
// with the sign-in's bearer token.
import { t } from '../../catalog/catalog-text';
import type { ProviderEngine } from '../provider-engine';
import { createOneDrivePhotoSource } from './onedrive-photo-source';
import { oneDrivePhotosSetup } from './setup';

export const oneDrivePhotosProvider: ProviderEngine = {
  setup: oneDrivePhotosSetup,
  photoSource(account, secret) {
    if (!account.driveFolder) throw new Error(t('errorOneDriveNoFolder'));
    if (typeof secret === 'string') throw new Error(t('errorSignInAgain'));
    return createOneDrivePhotoSource({ graphUrl: account.serverUrl, bearer: secret, folder: account.driveFolder });
  },
};
