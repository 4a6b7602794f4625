// The worker's half of a WebDAV photo folder: the folder with the stored password.
import type { ProviderEngine } from '../provider-engine';
import { createPhotoFolderSource } from './photo-folder-source';
import { webdavPhotosSetup } from './setup';

export const webdavPhotosProvider: ProviderEngine = {
  setup: webdavPhotosSetup,
  photoSource: (account, secret) =>
    createPhotoFolderSource({ serverUrl: account.serverUrl, username: account.username, password: typeof secret === 'string' ? secret : '', allowPlainHttp: account.plainHttpConfirmed === true }),
};
