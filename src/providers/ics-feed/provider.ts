// The worker's half of a calendar feed: its secret is the feed's full address.
import { t } from '../../catalog/catalog-text';
import type { ProviderEngine } from '../provider-engine';
import { createFeedSource } from './feed-source';
import { icsFeedSetup } from './setup';

export const icsFeedProvider: ProviderEngine = {
  setup: icsFeedSetup,
  itemSource(account, secret, options, fetchImpl) {
    if (typeof secret !== 'string') throw new Error(t('errorSecretMismatch'));
    return { source: createFeedSource({ url: secret, label: account.label, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, options), discovery: () => ({}) };
  },
};
