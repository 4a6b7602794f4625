// A WebDAV folder of photos and videos (docs/PHOTOS.md), reached with a user name and password.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';

export const webdavPhotosSetup: ProviderSetup<MessageKey> = {
  kind: 'webdav-photos',
  mirrors: 'photos',
  secret: 'password',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: false,
  where: 'user-and-servers',
};
