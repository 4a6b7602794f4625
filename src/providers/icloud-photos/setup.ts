// iCloud Photos through the person's own icloud.com sign-in in this browser (the CloudKit web
// service icloud.com's Photos app uses). Added with the contacts-and-calendars account by
// background/add-icloud.ts when the person ticks it; its setup address is the same.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';

export const icloudPhotosSetup: ProviderSetup<MessageKey> = {
  kind: 'icloud-photos',
  mirrors: 'photos',
  secret: 'browser-session',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: false,
  where: 'none',
};
