// OneDrive photos: signed in with Microsoft for files only (Files.Read), one OneDrive folder's
// photos and videos mirrored through Graph delta (docs/PHOTOS.md). Its form is
// options/add-onedrive-form.tsx; its client ID is Microsoft's.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';
import { MICROSOFT_OAUTH } from '../microsoft/oauth';
import { forOneDrivePhotos } from './oauth';

export const oneDrivePhotosSetup: ProviderSetup<MessageKey> = {
  kind: 'onedrive-photos',
  mirrors: 'photos',
  secret: 'sign-in',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: false,
  where: 'none',
  signIn: { oauth: forOneDrivePhotos(MICROSOFT_OAUTH), name: 'Microsoft' },
};
