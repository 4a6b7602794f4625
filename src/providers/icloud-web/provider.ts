// The worker's half of iCloud contacts and calendars through the icloud.com session: no secret
// (the browser adds icloud.com's cookies to requests the credential policy lets carry them),
// one validate per run at the account's setup address, then the web services it names.
import { createHttpContext } from '../../http/http-context';
import type { ProviderEngine } from '../provider-engine';
import { createIcloudItemsSource } from './items-source';
import { sessionOnce } from './session-once';
import { icloudWebSetup } from './setup';

export const icloudWebProvider: ProviderEngine = {
  setup: icloudWebSetup,
  itemSource(account, _secret, options, fetchImpl) {
    const ctx = createHttpContext({ serverUrl: account.serverUrl, authorization: '', credentials: 'browser-session', fetch: fetchImpl, options });
    return { source: createIcloudItemsSource({ ctx, session: sessionOnce(ctx, account.serverUrl) }), discovery: () => ({}) };
  },
};
