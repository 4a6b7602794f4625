// The worker's half of iCloud Photos through the icloud.com session: like the contacts and
// calendars account (icloud-web/provider.ts), one validate per run at the account's setup
// address, then CloudKit; edited versions as the person chose when adding it.
import { createHttpContext } from '../../http/http-context';
import type { ProviderEngine } from '../provider-engine';
import { sessionOnce } from '../icloud-web/session-once';
import { createIcloudPhotoSource } from './cloudkit-photo-source';
import { icloudPhotosSetup } from './setup';

export const icloudPhotosProvider: ProviderEngine = {
  setup: icloudPhotosSetup,
  photoSource(account) {
    const ctx = createHttpContext({ serverUrl: account.serverUrl, authorization: '', credentials: 'browser-session' });
    return createIcloudPhotoSource({ ctx, session: sessionOnce(ctx, account.serverUrl), editedVersions: account.editedVersions ?? true });
  },
};
