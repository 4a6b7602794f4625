// The worker's half of a Microsoft account: contacts and calendars through Graph with the
// sign-in's bearer token; a new sign-in lists both at once (a person is waiting: two tries).
import { t } from '../../catalog/catalog-text';
import type { CollectionKind } from '../../model/source';
import type { ProviderEngine } from '../provider-engine';
import { graphSource } from './graph-source';
import { microsoftSetup } from './setup';

const SERVICES: CollectionKind[] = ['addressbook', 'calendar'];

export const microsoftProvider: ProviderEngine = {
  setup: microsoftSetup,
  itemSource(account, secret, options, fetchImpl) {
    if (typeof secret === 'string') throw new Error(t('errorSecretMismatch'));
    return { source: graphSource(account, { graphUrl: account.serverUrl, bearer: secret, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, options), discovery: () => ({}) };
  },
  signIn: {
    servers: (endpoints) => ({ serverUrl: endpoints.graph!, calendarServerUrl: null }),
    async discover({ serverUrl }, bearer) {
      const collections = await graphSource({ services: SERVICES }, { graphUrl: serverUrl, bearer }, { retry: { maxAttempts: 2 } }).listCollections();
      return { services: SERVICES, collections };
    },
  },
};
