// Microsoft: signed in with Microsoft (OAuth), contacts and calendars mirrored through
// Microsoft Graph; every folder is mirrored (no choice of collections), nothing is written back.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';
import { MICROSOFT_OAUTH } from './oauth';

export const microsoftSetup: ProviderSetup<MessageKey> = {
  kind: 'microsoft',
  mirrors: 'items',
  secret: 'sign-in',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: true,
  where: 'none',
  signIn: { oauth: MICROSOFT_OAUTH, buttonKey: 'signInWithMicrosoft', name: 'Microsoft', clientIdKey: 'clientIdMicrosoft' },
  tiles: [{ id: 'microsoft', order: 30, name: 'Microsoft', detailKey: 'setupMicrosoftDetail' }],
};
