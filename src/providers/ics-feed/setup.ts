// A calendar feed (.ics or webcal:// address): one calendar, read only. The account's
// `serverUrl` holds only its origin; the full address (its path is often its secret) is kept
// with the credentials, as a password would be.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';

export const icsFeedSetup: ProviderSetup<MessageKey> = {
  kind: 'ics-feed',
  mirrors: 'items',
  secret: 'feed-address',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: false,
  where: 'feed-host',
};
